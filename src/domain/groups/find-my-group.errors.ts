import { DomainError } from '../shared/domain-error';

export class GroupNameAmbiguous extends DomainError {
  readonly code = 'GROUP_NAME_AMBIGUOUS';
  readonly kind = 'conflict';
  constructor(name: string, owners: string[]) {
    super(`More than one of your groups is called "${name}" (${owners.join('; ')}).`, { name, owners });
  }
}

export class GroupNameRequired extends DomainError {
  readonly code = 'GROUP_NAME_REQUIRED';
  readonly kind = 'invalid';
  constructor(choices: string[]) {
    super(
      choices.length === 0
        ? 'You are not in any group yet: create one first.'
        : `Which group? Yours are: ${choices.join(', ')}.`,
      { choices, count: choices.length },
    );
  }
}
