import { DomainError } from '../shared/domain-error';
import { TooLarge } from '../shared/too-large';
import { MAX_RESOURCE_BYTES, RESOURCE_TITLE_MAX_LENGTH, RESOURCE_TYPES } from './rollout-resource';

export class ResourceTypeNotAllowed extends DomainError {
  readonly code = 'RESOURCE_TYPE_NOT_ALLOWED';
  readonly kind = 'invalid';
  constructor(detected: string, fileName: string) {
    super(
      `"${fileName}" is not a PDF, PNG, JPEG or PowerPoint (.pptx) file${detected === 'unknown' ? '' : ` (it looks like ${detected.toUpperCase()})`}. The type is read from the file's content, not its name.`,
      { detected, looksLike: detected.toUpperCase(), fileName, allowed: [...RESOURCE_TYPES] },
    );
  }
}

export class ResourceTooLarge extends TooLarge {
  readonly code = 'RESOURCE_TOO_LARGE';
  constructor(limitBytes: number = MAX_RESOURCE_BYTES) {
    super('The file', limitBytes, 'a resource can be at most that; make the file smaller and try again.');
  }
}

export class ResourceEmpty extends DomainError {
  readonly code = 'RESOURCE_EMPTY';
  readonly kind = 'invalid';
  constructor() {
    super('The file is empty. Choose the file again.');
  }
}

export class ResourceTitleTooLong extends DomainError {
  readonly code = 'RESOURCE_TITLE_TOO_LONG';
  readonly kind = 'invalid';
  constructor(length: number) {
    super(
      `A resource title can be at most ${RESOURCE_TITLE_MAX_LENGTH} characters; this one has ${length}.`,
      {
        max: RESOURCE_TITLE_MAX_LENGTH,
        length,
      },
    );
  }
}

export class ResourceAlreadyAdded extends DomainError {
  readonly code = 'RESOURCE_ALREADY_ADDED';
  readonly kind = 'conflict';
  constructor(existing: { id: string; title: string }) {
    super(`This file is already in your resources as "${existing.title}".`, {
      resourceId: existing.id,
      title: existing.title,
    });
  }
}

export class ResourceNotFound extends DomainError {
  readonly code = 'RESOURCE_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(reference: string) {
    super(`There is no resource "${reference}".`, { reference });
  }
}

/** Rollout material is for an organisation's org admins (who manage it) and champs (who use it). */
export class RolloutNotAllowed extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor(action: 'see rollout resources' | 'add or remove rollout resources') {
    super(
      action === 'see rollout resources'
        ? 'Rollout resources are for org admins and champs of your organisation.'
        : 'Only org admins can add or remove rollout resources.',
      { action },
    );
  }
}

export class PosterFormatInvalid extends DomainError {
  readonly code = 'POSTER_FORMAT_INVALID';
  readonly kind = 'invalid';
  constructor(format: string, allowed: readonly string[] = ['pdf', 'png']) {
    super(
      allowed.includes('png')
        ? `Posters come as "pdf" (to print) or "png" (to share in a chat), not "${format.slice(0, 20)}".`
        : `This one comes only as "pdf" (to print), not "${format.slice(0, 20)}".`,
      // `offers` ("pdf-or-png", "pdf") lets the catalogue choose its sentence as the English one does.
      { format: format.slice(0, 20), allowed, offers: allowed.join('-or-') },
    );
  }
}

export class KitItemNotFound extends DomainError {
  readonly code = 'KIT_ITEM_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(reference: string) {
    super(
      `There is no "${reference.slice(0, 60)}" in the rollout kit. It has "group-admin-poster", "activation-desk-poster", "activation-desk-table-tent" and "activation-desk-faq".`,
      { reference: reference.slice(0, 60) },
    );
  }
}

export class GuideNotFound extends DomainError {
  readonly code = 'GUIDE_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(reference: string) {
    super(
      `There is no guide "${reference.slice(0, 60)}". The guides are "employee-guide", "champ-guidelines" and "activation-desk-faq".`,
      { reference: reference.slice(0, 60) },
    );
  }
}

export class GuideFormatInvalid extends DomainError {
  readonly code = 'GUIDE_FORMAT_INVALID';
  readonly kind = 'invalid';
  constructor(format: string) {
    super(`Guides download as "md" or "pdf", not "${format}".`, { format, allowed: ['md', 'pdf'] });
  }
}

export class ChampKitNoAccount extends DomainError {
  readonly code = 'CHAMP_KIT_NO_ACCOUNT';
  readonly kind = 'conflict';
  constructor(champ: string) {
    super(
      `${champ} has no Microsoft 365 account known to Convene yet, so there is no chat to send the kit to. Print the guides from Resources instead, or send them once they have signed in.`,
      { champ },
    );
  }
}

export class ChampKitNoChat extends DomainError {
  readonly code = 'CHAMP_KIT_NO_CHAT';
  readonly kind = 'conflict';
  constructor(champ: string) {
    super(
      `${champ} has not opened the chat with Convene in Teams yet. Ask them to say “hi” to Convene, then send the kit again.`,
      { champ },
    );
  }
}
