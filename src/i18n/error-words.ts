import type { MessageId } from './catalogue';
import type { MessageValues, Translator } from './translator';

/** What a coded refusal carries, from the domain (`DomainError`) or the transport (`HttpProblem`). */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/**
 * The words for a coded refusal in the reader's language: the catalogue's `errors.<CODE>`, filled from the
 * error's details. The code stays the same everywhere; a code the catalogue lacks keeps the error's own
 * (English) message, so nothing is ever shown blank.
 */
export function errorWords(error: CodedError, translator: Translator): string {
  const id = `errors.${error.code}` as MessageId;
  if (!translator.has(id)) return error.message;
  return translator.t(id, valuesOf(error.details));
}

/** Details as message values: strings, numbers and dates pass; lists are joined; anything else is dropped. */
function valuesOf(details: Record<string, unknown>): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) values[name] = value;
    else if (Array.isArray(value)) values[name] = value.join(', ');
  }
  return values;
}
