import { DomainError } from '../shared/domain-error';

export class GroupNotInOrganisation extends DomainError {
  readonly code = 'GROUP_NOT_IN_ORGANISATION';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(
      `"${name}" is a personal group, so it has no Microsoft 365 team yet. Its admin adds it to the organisation by telling the Convene bot "add ${name} to organisation".`,
      { name },
    );
  }
}

export class ProvisioningInProgress extends DomainError {
  readonly code = 'PROVISIONING_IN_PROGRESS';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(
      `The Microsoft 365 group and team of "${name}" are being created right now; wait for them to finish.`,
      {
        name,
      },
    );
  }
}
