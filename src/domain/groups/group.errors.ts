import { DomainError } from '../shared/domain-error';

export class GroupNameEmpty extends DomainError {
  readonly code = 'GROUP_NAME_EMPTY';
  readonly kind = 'invalid';
  constructor() {
    super('A group needs a name.');
  }
}

export class GroupNameTooLong extends DomainError {
  readonly code = 'GROUP_NAME_TOO_LONG';
  readonly kind = 'invalid';
  constructor(name: string, max: number) {
    super(`A group name can be at most ${max} characters; this one has ${[...name].length}.`, {
      max,
      length: [...name].length,
    });
  }
}

export class GroupNameTaken extends DomainError {
  readonly code = 'GROUP_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`There is already a group called "${name}".`, { name });
  }
}

export class GroupNotFound extends DomainError {
  readonly code = 'GROUP_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(reference: string) {
    super(`There is no group "${reference}".`, { reference });
  }
}

export class GroupAlreadyMapped extends DomainError {
  readonly code = 'GROUP_ALREADY_MAPPED';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`"${name}" already belongs to an organisation; a mapped group stays mapped.`, { name });
  }
}

export class HierarchyCycle extends DomainError {
  readonly code = 'HIERARCHY_CYCLE';
  readonly kind = 'invalid';
  constructor(readonly path: string[]) {
    super(`That would make a loop in the hierarchy: ${path.join(' › ')}.`, { path, route: path.join(' › ') });
  }
}

export class HierarchyOutsideOrganisation extends DomainError {
  readonly code = 'HIERARCHY_OUTSIDE_ORGANISATION';
  readonly kind = 'invalid';
  constructor(child: string, parent: string) {
    super(`"${parent}" and "${child}" must belong to the same organisation to be parent and child.`, {
      child,
      parent,
    });
  }
}
