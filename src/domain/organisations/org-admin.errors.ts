import { DomainError } from '../shared/domain-error';

export class OrgAdminsOnly extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Only org admins can see and change who the org admins are.', { action: 'manage-org-admins' });
  }
}

export class LastOrgAdmin extends DomainError {
  readonly code = 'LAST_ORG_ADMIN';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`${name} is the organisation's last org admin. Name another org admin first.`, { name });
  }
}

export class OrgAdminManagedInEntra extends DomainError {
  readonly code = 'ORG_ADMIN_MANAGED_IN_ENTRA';
  readonly kind = 'conflict';
  constructor(name: string, reasons: string[]) {
    super(
      `${name} is an org admin because of Microsoft Entra (${reasons.join('; ')}). That is changed in the Microsoft Entra admin center, not here.`,
      { name, reasons },
    );
  }
}

export class OrgAdminCandidateNotFound extends DomainError {
  readonly code = 'ORG_ADMIN_CANDIDATE_NOT_FOUND';
  readonly kind = 'not-found';
  /** `what` names the account looked for; null when it was a person's own (nothing to repeat back). */
  constructor(what: string | null) {
    super(
      `No Microsoft 365 account ${what ?? 'for that person'} was found in your organisation.`,
      what === null ? {} : { what },
    );
  }
}
