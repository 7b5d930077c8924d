import { DomainError } from '../shared/domain-error';

/** Why a phone number was refused, in words a person can act on. */
export type PhoneProblem =
  | 'not-a-number'
  | 'too-short'
  | 'too-long'
  | 'invalid-length'
  | 'not-valid-for-region';

const problemWords: Record<PhoneProblem, string> = {
  'not-a-number': 'it is not a phone number',
  'too-short': 'it is too short',
  'too-long': 'it is too long',
  'invalid-length': 'it has the wrong number of digits',
  'not-valid-for-region': 'no such number exists in that region',
};

export class PhoneInvalid extends DomainError {
  readonly code = 'PHONE_INVALID';
  readonly kind = 'invalid';
  constructor(
    readonly input: string,
    readonly region: string,
    readonly problem: PhoneProblem,
  ) {
    super(`"${input}" is not a valid phone number for region ${region}: ${problemWords[problem]}.`, {
      input,
      region,
      problem,
    });
  }
}

export class RegionInvalid extends DomainError {
  readonly code = 'REGION_INVALID';
  readonly kind = 'invalid';
  constructor(readonly input: string) {
    super(`"${input}" is not a supported region: use a two-letter ISO 3166 code such as IN, GB or US.`, {
      input,
    });
  }
}
