import type { Role } from '../../src/domain/memberships/membership';
import type { Translator } from '../../src/i18n/translator';

/** "4 Feb 2026" in the reader's language: dates on cards, day and month spelled out, never 12/31. */
export const formatDate = (iso: string, words: Translator): string =>
  words.date(new Date(iso), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const roleLabel = (role: Role | null, words: Translator): string =>
  words.t(role === 'admin' ? 'bot.role.admin' : role === 'member' ? 'bot.role.member' : 'bot.role.none');

/**
 * A phone number, link or code inside a sentence that may run right to left: Unicode isolates keep it
 * left to right (and its digits in order) in Arabic; other languages get it as it is.
 */
export const ltr = (text: string, words: Translator): string =>
  words.dir === 'rtl' ? `\u2066${text}\u2069` : text;
