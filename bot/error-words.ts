import { DomainError } from '../src/domain/shared/domain-error';
import type { MessageId } from '../src/i18n/catalogue';
import { errorWords } from '../src/i18n/error-words';
import type { Translator } from '../src/i18n/translator';

/** Codes whose refusal the chat can turn into a next step (`bot.next.<CODE>` in the catalogue). */
const withNextStep: ReadonlySet<string> = new Set([
  'GROUP_NOT_FOUND',
  'GROUP_NAME_AMBIGUOUS',
  'GROUP_NAME_REQUIRED',
  'REGION_INVALID',
  'NOT_A_MEMBER',
]);

/** The words a person reads when Convene refuses: the refusal in their language, plus a next step. */
export function wordsFor(error: DomainError, words: Translator): string {
  const refusal = errorWords(error, words);
  return withNextStep.has(error.code)
    ? `${refusal} ${words.t(`bot.next.${error.code}` as MessageId)}`
    : refusal;
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
