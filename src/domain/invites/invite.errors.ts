import { DomainError } from '../shared/domain-error';

export class InviteNotFound extends DomainError {
  readonly code = 'INVITE_NOT_FOUND';
  readonly kind = 'not-found';
  constructor() {
    super('That invite link is not valid. Ask the group admin for a new one.');
  }
}

export class InviteExpired extends DomainError {
  readonly code = 'INVITE_EXPIRED';
  readonly kind = 'gone';
  constructor(expiredAt: string) {
    super('That invite link has expired. Ask the group admin for a new one.', { expiredAt });
  }
}

export class InviteRevoked extends DomainError {
  readonly code = 'INVITE_REVOKED';
  readonly kind = 'gone';
  constructor() {
    super('That invite link was reset by the group admin. Ask them for the new one.');
  }
}

export class InviteUsedUp extends DomainError {
  readonly code = 'INVITE_USED_UP';
  readonly kind = 'gone';
  constructor(maxUses: number) {
    super(`That invite link has been used its ${maxUses} times. Ask the group admin for a new one.`, {
      maxUses,
    });
  }
}

export class InviteOrganisationAccountsOnly extends DomainError {
  readonly code = 'INVITE_ORGANISATION_ACCOUNTS_ONLY';
  readonly kind = 'forbidden';
  constructor(group: string) {
    super(`"${group}" accepts only accounts of its organisation. Sign in with your work account.`, { group });
  }
}

export class InviteSettingsInvalid extends DomainError {
  readonly code = 'INVITE_SETTINGS_INVALID';
  readonly kind = 'invalid';
  /** `setting` and `max` say which limit was broken, so the catalogue can say it in any language. */
  constructor(
    reason: string,
    which: { setting: 'expiry' | 'uses' | 'organisation-accounts-only'; max?: number },
  ) {
    super(`Those link settings don't work: ${reason}.`, { reason, ...which });
  }
}
