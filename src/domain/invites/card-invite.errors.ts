import { DomainError } from '../shared/domain-error';

export class CardInviteNotFound extends DomainError {
  readonly code = 'CARD_INVITE_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(inviteId: string) {
    super('That invitation no longer exists. Ask the group admin to invite you again.', { inviteId });
  }
}

export class CardInviteNotYours extends DomainError {
  readonly code = 'CARD_INVITE_NOT_YOURS';
  readonly kind = 'forbidden';
  constructor(inviteId: string) {
    super('This invitation was sent to someone else, so only they can answer it.', { inviteId });
  }
}

export class CardInviteWithdrawn extends DomainError {
  readonly code = 'CARD_INVITE_WITHDRAWN';
  readonly kind = 'gone';
  constructor(group: string) {
    super(`You were removed from "${group}" after this invitation was sent.`, { group });
  }
}
