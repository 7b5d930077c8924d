import { DomainError } from '../shared/domain-error';
import { MAX_PHOTO_UPLOAD_BYTES } from './group-photo';

export class PhotoTypeNotAccepted extends DomainError {
  readonly code = 'PHOTO_TYPE_NOT_ACCEPTED';
  readonly kind = 'invalid';
  constructor(detected: string) {
    super(
      `A group photo must be a PNG, JPEG or WebP picture${detected === 'unknown' ? '' : ` (this file looks like ${detected.toUpperCase()})`}. The type is read from the file's content, not its name.`,
      { detected, allowed: ['png', 'jpeg', 'webp'] },
    );
  }
}

export class PhotoTooLarge extends DomainError {
  readonly code = 'PHOTO_TOO_LARGE';
  readonly kind = 'invalid';
  constructor(readonly maxBytes: number = MAX_PHOTO_UPLOAD_BYTES) {
    super(
      `A group photo can be at most ${Math.round(maxBytes / 1024 / 1024)} MB. Choose a smaller picture.`,
      {
        maxBytes,
      },
    );
  }
}

export class PhotoUnreadable extends DomainError {
  readonly code = 'PHOTO_UNREADABLE';
  readonly kind = 'invalid';
  constructor(reason: string) {
    super(
      'That picture could not be read (it may be damaged, empty or far too many pixels). Try another one.',
      {
        reason,
      },
    );
  }
}

export class GroupHasNoPhoto extends DomainError {
  readonly code = 'GROUP_HAS_NO_PHOTO';
  readonly kind = 'not-found';
  constructor() {
    super('This group has no photo yet.');
  }
}
