import { DomainError } from '../shared/domain-error';

export class ChampNeedsOrganisation extends DomainError {
  readonly code = 'CHAMP_NEEDS_ORGANISATION';
  readonly kind = 'invalid';
  constructor(group: string) {
    super(`"${group}" is a personal group: champs steward groups that belong to an organisation.`, { group });
  }
}

export class NotAChamp extends DomainError {
  readonly code = 'NOT_A_CHAMP';
  readonly kind = 'not-found';
  constructor(group: string) {
    super(`That person is not a champ of "${group}".`, { group });
  }
}
