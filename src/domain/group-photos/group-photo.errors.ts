import { DomainError } from '../shared/domain-error';
import { MAX_PHOTO_UPLOAD_BYTES } from './group-photo';

export class PhotoTypeNotAccepted extends DomainError {
  readonly code = 'PHOTO_TYPE_NOT_ACCEPTED';
  readonly kind = 'invalid';
  constructor(detected: string) {
    super(
      `A group photo must be a PNG, JPEG or WebP picture${detected === 'unknown' ? '' : ` (this file looks like ${detected.toUpperCase()})`}. The type is read from the file's content, not its name.`,
      { detected, looksLike: detected.toUpperCase(), allowed: ['png', 'jpeg', 'webp'] },
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

export class PhotoNotAttached extends DomainError {
  readonly code = 'PHOTO_NOT_ATTACHED';
  readonly kind = 'invalid';
  constructor() {
    super(
      'Send the picture in the same message: paste or attach a photo, and write **photo ‹group›** with it.',
    );
  }
}

/** A chat attachment Convene will not fetch: a file link, or an address that is not the chat service's own. */
export class PhotoAttachmentRefused extends DomainError {
  readonly code = 'PHOTO_ATTACHMENT_REFUSED';
  readonly kind = 'invalid';
  constructor(reason: 'file' | 'address' | 'download') {
    super(
      reason === 'file'
        ? 'That came as a file. Paste the picture into the message itself (not as a file attachment) and try again.'
        : reason === 'address'
          ? 'That picture did not come from Teams, so Convene will not fetch it. Paste the picture into the message and try again.'
          : 'Teams did not hand over that picture. Try sending it again in a moment.',
      { reason },
    );
  }
}
