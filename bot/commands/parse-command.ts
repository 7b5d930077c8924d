import type { Role } from '../../src/domain/memberships/membership';
import { splitPhoneList } from '../../src/domain/people/phone-number';
import { type Command, usages } from './command';
import { suggestCommand } from './suggest-command';

const opening = '"“„«\'‘';
const closing = '"”“»\'’';

/** Strips one pair of enclosing quotes, straight or typographic (phones autocorrect to the latter). */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (trimmed.length >= 2 && first && last && opening.includes(first) && closing.includes(last)) {
    return trimmed.slice(1, -1).trim();
  }
  return trimmed;
}

/** A name to look up, or null when nothing usable was typed. */
const groupOrNull = (text: string | undefined): string | null => {
  const name = text === undefined ? '' : unquote(text);
  return name === '' ? null : name;
};

/** Only digits and the punctuation people type in numbers: tells "add 98765 to X" from "add X to organisation". */
const looksLikePhones = (text: string): boolean => /^[\d\s+()\-.,;/]+$/.test(text) && /\d/.test(text);

const phonesIn = (text: string): string[] => splitPhoneList(text.replace(/\s+and\s+/gi, ','));

const roleFrom = (word: string | undefined): Role => (word && /^admin/i.test(word) ? 'admin' : 'member');

type Rule = [RegExp, (m: RegExpMatchArray) => Command];

const organisation = String.raw`((?:the\s+|my\s+|our\s+)?organi[sz]ation)`;

/** Tried in order; the first that matches decides. Keywords are case-insensitive, names keep their case. */
const rules: Rule[] = [
  [/^(?:help|\?|hi|hello|hey|start|menu|commands)[.!?]*$/i, () => ({ kind: 'help' })],
  [/^(?:my\s+|list\s+(?:my\s+)?)?groups[.!?]*$/i, () => ({ kind: 'groups' })],
  [
    /^(?:create|new)(?:\s+(?:a\s+)?group)?(?:\s+(.*))?$/i,
    (m) => ({ kind: 'create-group', name: groupOrNull(m[1]) }),
  ],
  [
    new RegExp(String.raw`^(?:add|map|move)\s+to\s+${organisation}$`, 'i'),
    () => ({ kind: 'map', group: null }),
  ],
  [
    new RegExp(String.raw`^(?:add|map|move)\s+(.+?)\s+(?:to|into)\s+${organisation}$`, 'i'),
    (m) =>
      looksLikePhones(m[1]!)
        ? { kind: 'add', phones: phonesIn(m[1]!), group: m[2]!, role: 'member' }
        : { kind: 'map', group: groupOrNull(m[1]) },
  ],
  [/^map(?:\s+(.+))?$/i, (m) => ({ kind: 'map', group: groupOrNull(m[1]) })],
  [
    /^add\s+(.+?)\s+to\s+(.+?)(?:\s+as\s+(?:an?\s+)?(admins?|members?))?[.!]*$/i,
    (m) => {
      const phones = phonesIn(m[1]!);
      const group = groupOrNull(m[2]);
      if (phones.length === 0 || !group) return { kind: 'incomplete', usage: usages.add };
      return { kind: 'add', phones, group, role: roleFrom(m[3]) };
    },
  ],
  [/^add\b.*$/i, () => ({ kind: 'incomplete', usage: usages.add })],
  [/^invite(?:\s+people)?(?:\s+to)?(?:\s+(.+))?$/i, (m) => ({ kind: 'invite', group: groupOrNull(m[1]) })],
  [
    /^(?:(?:join\s+)?requests|requests\s+to\s+join)(?:\s+(?:for|of|in|to))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'requests', group: groupOrNull(m[1]) }),
  ],
  [
    /^join(?:\s+(.+))?$/i,
    (m) => (m[1]?.trim() ? { kind: 'join', link: m[1].trim() } : { kind: 'incomplete', usage: usages.join }),
  ],
  [
    /^remove\s+(.+?)\s+from\s+(.+)$/i,
    (m) => ({ kind: 'remove', phone: m[1]!.trim(), group: unquote(m[2]!) }),
  ],
  [/^remove\b.*$/i, () => ({ kind: 'incomplete', usage: usages.remove })],
  [
    /^(promote|demote)\s+(.+?)\s+(?:in|of|from)\s+(.+)$/i,
    (m) => ({
      kind: m[1]!.toLowerCase() as 'promote' | 'demote',
      phone: m[2]!.trim(),
      group: unquote(m[3]!),
    }),
  ],
  [
    /^(promote|demote)\b.*$/i,
    (m) => ({ kind: 'incomplete', usage: usages[m[1]!.toLowerCase() as 'promote' | 'demote'] }),
  ],
  [
    /^(?:members|list\s+members|who\s+is\s+in|who's\s+in)(?:\s+(?:of|in))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'members', group: groupOrNull(m[1]) }),
  ],
  [
    /^(?:poster|print(?:\s+a)?\s+poster)(?:\s+(?:for|of))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'poster', group: groupOrNull(m[1]) }),
  ],
  [
    /^(?:(?:print\s+)?(?:onboarding\s+)?slips)(?:\s+(?:for|of))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'slips', group: groupOrNull(m[1]) }),
  ],
  [
    /^(?:(?:set|change)\s+)?(?:(?:the|group)\s+)?(?:photo|picture|pic)(?:\s+(?:for|of))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'photo', group: groupOrNull(m[1]) }),
  ],
  [
    /^(?:announce|announcement|post\s+an?\s+announcement)(?:\s+(?:to|for|in))?(?:\s+(.+))?$/i,
    (m) => ({ kind: 'announce', group: groupOrNull(m[1]) }),
  ],
  [/^region(?:\s+(.+))?$/i, (m) => ({ kind: 'region', region: m[1]?.trim() || null })],
];

/**
 * Reads a chat message as a command. Never throws: anything unrecognised becomes `unknown` with
 * the nearest command suggested, so the bot can always answer helpfully.
 */
export function parseCommand(message: string): Command {
  const text = message
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, build] of rules) {
    const match = text.match(pattern);
    if (match) return build(match);
  }
  return { kind: 'unknown', text, suggestion: text === '' ? usages.help : suggestCommand(text) };
}
