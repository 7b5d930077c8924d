import { DomainError } from '../shared/domain-error';

export class NotAMember extends DomainError {
  readonly code = 'NOT_A_MEMBER';
  readonly kind = 'not-found';
  constructor(who: string, group: string) {
    super(`${who} is not in "${group}".`, { who, group });
  }
}

export class LastAdmin extends DomainError {
  readonly code = 'LAST_ADMIN';
  readonly kind = 'conflict';
  constructor(group: string) {
    super(`"${group}" needs at least one admin: promote someone else first.`, { group });
  }
}

export class TooManyPhoneNumbers extends DomainError {
  readonly code = 'TOO_MANY_PHONE_NUMBERS';
  readonly kind = 'invalid';
  constructor(count: number, max: number) {
    super(
      `At most ${max.toLocaleString('en-US')} phone numbers can be added at once; this was ` +
        `${count.toLocaleString('en-US')}. Add them in parts, or use Bulk upload in the Convene tab ` +
        'for a file of any size.',
      { count, max },
    );
  }
}

export class MemberPageCursorInvalid extends DomainError {
  readonly code = 'CURSOR_INVALID';
  readonly kind = 'invalid';
  constructor() {
    super('The page cursor is not one Convene gave: start again from the first page.');
  }
}
