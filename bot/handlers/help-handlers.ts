import { parseRegion } from '../../src/domain/people/phone-number';
import type { MessageId } from '../../src/i18n/catalogue';
import type { Translator } from '../../src/i18n/translator';
import { shown, usages } from '../commands/command';
import type { Session } from '../session';
import { cardReply, type Reply, textReply } from './reply';

/** Each command as typed (always in English: the bot parses those words) and what it does, in the reader's words. */
const meanings: Array<[string, MessageId]> = [
  [usages['create-group'], 'bot.help.createGroup'],
  [usages.groups, 'bot.help.groups'],
  [usages.invite, 'bot.help.invite'],
  [usages.add, 'bot.help.add'],
  [usages.members, 'bot.help.members'],
  [usages.requests, 'bot.help.requests'],
  [usages.map, 'bot.help.map'],
  [usages.poster, 'bot.help.poster'],
  [usages.slips, 'bot.help.slips'],
  [usages.photo, 'bot.help.photo'],
  [usages.announce, 'bot.help.announce'],
  [usages.join, 'bot.help.join'],
  [usages.region, 'bot.help.region'],
];

/** `help`, and the welcome on installation or the first message. */
export function helpReply(displayName: string | null, words: Translator): Reply {
  return cardReply(
    'welcome',
    {
      userName: displayName ?? '',
      named: displayName ? 'yes' : 'no',
      commands: meanings.map(([usage, meaning]) => ({ usage: shown(usage), meaning: words.t(meaning) })),
    },
    undefined,
    words,
  );
}

/** `region <CC>` sets the sender's region for phone numbers; `region` alone says which is used. */
export async function regionReply(session: Session, raw: string | null): Promise<Reply> {
  if (raw === null)
    return textReply(session.words.t('bot.region.current', { region: await session.region() }));
  const region = parseRegion(raw);
  await session.deps.preferences.change(session.turn, (preferences) => {
    preferences.region = region;
  });
  return textReply(session.words.t('bot.region.changed', { region }));
}
