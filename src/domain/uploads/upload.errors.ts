import { DomainError } from '../shared/domain-error';
import { TooLarge } from '../shared/too-large';

export class UploadTooLarge extends TooLarge {
  readonly code = 'UPLOAD_TOO_LARGE';
  constructor(limitBytes: number) {
    super('The file', limitBytes, 'split it into smaller files and upload them one by one.');
  }
}

export class UploadNotFound extends DomainError {
  readonly code = 'UPLOAD_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('There is no such upload in your organisation.', { id });
  }
}

export class UploadHasErrors extends DomainError {
  readonly code = 'UPLOAD_HAS_ERRORS';
  readonly kind = 'conflict';
  constructor(errorCount: number) {
    super(
      `The file has ${errorCount} error${errorCount === 1 ? '' : 's'}: fix ${errorCount === 1 ? 'it' : 'them'} and upload again, or apply the valid rows only.`,
      { errorCount },
    );
  }
}

export class UploadNotReady extends DomainError {
  readonly code = 'UPLOAD_NOT_APPLICABLE';
  readonly kind = 'conflict';
  constructor(status: string) {
    super(`This upload is ${status}; only a validated upload that has not been applied yet can be applied.`, {
      status,
    });
  }
}

export class UploadRequestInvalid extends DomainError {
  readonly code = 'UPLOAD_REQUEST_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class OrgAdminsOnly extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor() {
    super('Only org admins can upload files and follow upload jobs.', { action: 'bulk-upload' });
  }
}

export class NothingToApply extends DomainError {
  readonly code = 'UPLOAD_NOTHING_TO_APPLY';
  readonly kind = 'conflict';
  constructor() {
    super('No row of this file can be applied: fix the problems and upload it again.');
  }
}

export class UploadOriginalMissing extends DomainError {
  readonly code = 'UPLOAD_ORIGINAL_MISSING';
  readonly kind = 'gone';
  constructor(fileName: string) {
    super(`The uploaded file ${fileName} is no longer kept`, { fileName });
  }
}
