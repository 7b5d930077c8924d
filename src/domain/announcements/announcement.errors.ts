import { DomainError } from '../shared/domain-error';

/** A field of an announcement that cannot be sent as written. */
export class AnnouncementInvalid extends DomainError {
  readonly code: string;
  readonly kind = 'invalid';
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    this.code = code;
  }
}

export class AnnouncementNotFound extends DomainError {
  readonly code = 'ANNOUNCEMENT_NOT_FOUND';
  readonly kind = 'not-found';
  constructor() {
    super('There is no such announcement, or it is not yours to see.');
  }
}

/** Editing, cancelling or sending now is only possible before the announcement starts going out. */
export class AnnouncementAlreadyStarted extends DomainError {
  readonly code = 'ANNOUNCEMENT_ALREADY_STARTED';
  readonly kind = 'conflict';
  constructor(state: string) {
    super(
      state === 'cancelled'
        ? 'This announcement was cancelled.'
        : 'This announcement has already started going out; it can no longer be changed or cancelled.',
      { state },
    );
  }
}

export class AnnouncementAlreadyReminded extends DomainError {
  readonly code = 'ANNOUNCEMENT_ALREADY_REMINDED';
  readonly kind = 'conflict';
  constructor() {
    super('The people who have not acknowledged this announcement were already reminded once.');
  }
}

export class OrganisationAnnouncementForbidden extends DomainError {
  readonly code = 'ORGANISATION_ANNOUNCEMENT_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('Only the organisation’s admins can send an announcement to the whole organisation.');
  }
}
