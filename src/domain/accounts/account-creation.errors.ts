import { DomainError } from '../shared/domain-error';

export class AccountCreationOff extends DomainError {
  readonly code = 'ACCOUNT_CREATION_OFF';
  readonly kind = 'conflict';
  constructor() {
    super(
      'Creating accounts is turned off for your organisation. An org admin turns it on in Org admins › Create accounts, after granting the Graph permissions it lists.',
    );
  }
}

export class AccountCreationSettingsInvalid extends DomainError {
  readonly code = 'ACCOUNT_CREATION_SETTINGS_INVALID';
  readonly kind = 'invalid';
  constructor(problem: string, field: string) {
    super(problem, { field });
  }
}

export class AccountCreationDomainNotVerified extends DomainError {
  readonly code = 'ACCOUNT_CREATION_DOMAIN_NOT_VERIFIED';
  readonly kind = 'invalid';
  constructor(domain: string, verified: string[]) {
    super(
      `${domain} is not a verified domain of your organisation. Verified domains: ${verified.join(', ') || 'none found'}.`,
      { domain, verified, count: verified.length },
    );
  }
}

export class LicenceGroupNotFound extends DomainError {
  readonly code = 'LICENCE_GROUP_NOT_FOUND';
  readonly kind = 'invalid';
  constructor(groupId: string) {
    super(`No group with the id ${groupId} exists in your organisation's directory.`, { groupId });
  }
}

export class AccountCreationJobNotFound extends DomainError {
  readonly code = 'ACCOUNT_CREATION_JOB_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(jobId: string) {
    super('No such account creation job in your organisation.', { jobId });
  }
}

export class NobodyToCreate extends DomainError {
  readonly code = 'NOBODY_TO_CREATE';
  readonly kind = 'invalid';
  constructor() {
    super(
      'None of the chosen people can get an account: each already has one, has no phone number or needs a name.',
    );
  }
}

export class AccountCreationOrgAdminsOnly extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Only org admins can create accounts.', { action: 'create-accounts' });
  }
}
