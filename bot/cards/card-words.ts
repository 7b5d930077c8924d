import { catalogue, type MessageId } from '../../src/i18n/catalogue';
import type { MessageValues, Translator } from '../../src/i18n/translator';

const idsByPrefix = new Map<string, MessageId[]>();

/** The catalogue ids under a prefix, listed once per prefix (the catalogue never changes while running). */
function idsUnder(prefix: string): MessageId[] {
  let ids = idsByPrefix.get(prefix);
  if (!ids) {
    ids = (Object.keys(catalogue.en) as MessageId[]).filter((id) => id.startsWith(prefix));
    idsByPrefix.set(prefix, ids);
  }
  return ids;
}

/** A card's data as message values: its top-level words and numbers (lists and flags are not words). */
function valuesOf(data: object): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  return values;
}

/**
 * A card's fixed words in the reader's language: every `bot.card.<card>.<word>` message, filled from the
 * card's own data (`"Invite link for {groupName}"`), so a template binds `${words.title}` and no sentence
 * is ever pieced together in code.
 */
export function cardWords(card: string, data: object, translator: Translator): Record<string, string> {
  const prefix = `bot.card.${card}.`;
  const values = valuesOf(data);
  const words: Record<string, string> = {};
  for (const id of idsUnder(prefix)) words[id.slice(prefix.length)] = translator.t(id, values);
  return words;
}

/** A rendered card laid out for its reader: right to left for Arabic (Adaptive Cards 1.5 `rtl`). */
export function inDirectionOf<T extends Record<string, unknown>>(card: T, translator: Translator): T {
  return translator.dir === 'rtl' ? { ...card, rtl: true } : card;
}
