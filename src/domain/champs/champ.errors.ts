import { DomainError } from '../shared/domain-error';

export class ChampNeedsOrganisation extends DomainError {
  readonly code = 'CHAMP_NEEDS_ORGANISATION';
  readonly kind = 'invalid';
  constructor(group: string) {
    super(`"${group}" is a personal group: champs steward groups that belong to an organisation.`, { group });
  }
}
