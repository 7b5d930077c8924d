import { DomainError } from '../shared/domain-error';
import { EMAIL_MAX_LENGTH, EMPLOYEE_ID_MAX_LENGTH, type HintRefusal } from './account-hints';

const fieldWords = { email: 'e-mail address', employeeId: 'employee ID' } as const;

/** An e-mail address or employee ID given with a phone number that Convene cannot keep. */
export class AccountHintInvalid extends DomainError {
  readonly code = 'ACCOUNT_HINT_INVALID';
  readonly kind = 'invalid';
  constructor(phone: string, field: keyof typeof fieldWords, refused: HintRefusal) {
    const why =
      refused === 'too-long'
        ? `is longer than ${field === 'email' ? EMAIL_MAX_LENGTH : EMPLOYEE_ID_MAX_LENGTH} characters`
        : refused === 'not-an-email'
          ? 'is not an e-mail address'
          : 'holds characters that are not printable';
    // The value itself is not repeated: it may be long or hold control characters.
    const max = field === 'email' ? EMAIL_MAX_LENGTH : EMPLOYEE_ID_MAX_LENGTH;
    super(`The ${fieldWords[field]} given for ${phone} ${why}.`, {
      phone,
      field,
      refused,
      ...(refused === 'too-long' ? { max } : {}),
    });
  }
}
