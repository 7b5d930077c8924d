import { DomainError } from '../src/domain/shared/domain-error';

/** Hints that turn a refusal into a next step the person can take in the chat. */
const nextSteps: Record<string, string> = {
  GROUP_NOT_FOUND: 'Say **groups** to see yours.',
  GROUP_NAME_AMBIGUOUS: 'Rename one of them in the Convene tab, or open the right one from **groups**.',
  GROUP_NAME_REQUIRED: 'Add the group name, e.g. **invite Night shift**.',
  REGION_INVALID: 'For example: **region IN**.',
  NOT_A_MEMBER: 'Say **members ‹group›** to see who is in it.',
};

/** The words a person reads when Convene refuses: the refusal's own message plus a next step. */
export function wordsFor(error: DomainError): string {
  const next = nextSteps[error.code];
  return next ? `${error.message} ${next}` : error.message;
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
