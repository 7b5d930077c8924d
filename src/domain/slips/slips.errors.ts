import { DomainError } from '../shared/domain-error';
import { MAX_SLIPS_PER_PDF } from './slip';

/** More people than one PDF holds: the group prints in parts, a selection is made smaller. */
export class SlipsTooMany extends DomainError {
  readonly code = 'SLIPS_TOO_MANY';
  readonly kind = 'invalid';
  constructor(count: number, parts: number | null) {
    super(
      parts === null
        ? `One PDF holds at most ${MAX_SLIPS_PER_PDF} slips; ${count} people were chosen. Choose at most ${MAX_SLIPS_PER_PDF}.`
        : `One PDF holds at most ${MAX_SLIPS_PER_PDF} slips; this group has ${count} people, so print it in ${parts} parts (part 1 to ${parts}).`,
      { max: MAX_SLIPS_PER_PDF, count, ...(parts === null ? {} : { parts }) },
    );
  }
}

export class SlipsPartInvalid extends DomainError {
  readonly code = 'SLIPS_PART_INVALID';
  readonly kind = 'invalid';
  constructor(part: number, parts: number) {
    super(`There is no part ${part}: this group's slips print in ${parts} part${parts === 1 ? '' : 's'}.`, {
      part,
      parts,
    });
  }
}

export class SlipsNobody extends DomainError {
  readonly code = 'SLIPS_NOBODY';
  readonly kind = 'invalid';
  constructor() {
    super('There is nobody to print a slip for: choose at least one person.');
  }
}

/**
 * Some chosen people are in none of the actor's groups in their organisation (or do not exist): the
 * answer does not say which of the two, so ids reveal nothing about people elsewhere.
 */
export class SlipPeopleNotFound extends DomainError {
  readonly code = 'SLIP_PEOPLE_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(personIds: string[]) {
    super(
      `${personIds.length === 1 ? 'One person' : `${personIds.length} people`} chosen ${personIds.length === 1 ? 'is' : 'are'} in none of the groups of your organisation whose slips you may print. Refresh the list and choose again.`,
      { personIds: personIds.slice(0, 20), count: personIds.length },
    );
  }
}

/** Printing for a selection needs an organisation the actor helps run. */
export class SlipsNotAllowed extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Onboarding slips are for org admins, and for group admins and champs of their own groups.', {
      action: 'print-selected-slips',
    });
  }
}

/** A bot's download link that is forged, damaged or past its few minutes. */
export class SlipLinkExpired extends DomainError {
  readonly code = 'SLIP_LINK_EXPIRED';
  readonly kind = 'gone';
  constructor() {
    super(
      'This download link for slips has expired. Ask the Convene bot again: say "slips" and the group’s name.',
    );
  }
}
