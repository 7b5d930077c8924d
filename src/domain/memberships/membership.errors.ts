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
