import { DomainError } from '../shared/domain-error';

export class UnmatchedPeopleOrgAdminsOnly extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Only org admins can see and look up the people without an account.', {
      action: 'manage-people-without-account',
    });
  }
}

export class UnmatchedPeopleFilterInvalid extends DomainError {
  readonly code = 'PEOPLE_FILTER_INVALID';
  readonly kind = 'invalid';
  /** `values` are what the problem names (`max`, `allowed`, `input`), so the catalogue can say it too. */
  constructor(field: string, problem: string, values: Record<string, unknown> = {}) {
    super(`The ${field} filter is not right: ${problem}.`, { field, ...values });
  }
}

export class LookupSelectionTooLarge extends DomainError {
  readonly code = 'LOOKUP_SELECTION_TOO_LARGE';
  readonly kind = 'invalid';
  constructor(max: number) {
    super(`Choose at most ${max} people to look up, or look up everyone matching the filter.`, { max });
  }
}

export class LookupNotFound extends DomainError {
  readonly code = 'LOOKUP_NOT_FOUND';
  readonly kind = 'not-found';
  constructor() {
    super('That lookup does not exist or is not your organisation’s.');
  }
}
