import { DomainError } from '../shared/domain-error';

/** Said to anyone who is neither an org admin nor a champ: nothing about who is in which group. */
export class UsersNotAllowed extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Users is for org admins and champs.', { action: 'view-users' });
  }
}

/** The person is unknown, or not in any group the viewer may see (the two answers are the same). */
export class UserNotFound extends DomainError {
  readonly code = 'PERSON_NOT_FOUND';
  readonly kind = 'not-found';
  constructor() {
    super('That person is not in any of the groups you can see.');
  }
}

export class UsersFilterInvalid extends DomainError {
  readonly code = 'USERS_FILTER_INVALID';
  readonly kind = 'invalid';
  /** `values` are what the problem names (`max`, `allowed`, `input`), so the catalogue can say it too. */
  constructor(field: string, problem: string, values: Record<string, unknown> = {}) {
    super(`The ${field} filter is not right: ${problem}.`, { field, ...values });
  }
}

export class TooManyGroupsChosen extends DomainError {
  readonly code = 'TOO_MANY_GROUPS';
  readonly kind = 'invalid';
  constructor(count: number, max: number) {
    super(`Choose at most ${max} groups at once; this was ${count}.`, { count, max });
  }
}
