import { DomainError } from './domain-error';

/** "50 MB", "25 MB", "8 KB": limits as people say them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Something sent is over its size limit: a bulk upload file, a rollout resource, a request body. One
 * kind (`too-large`, HTTP 413 wherever it is answered) and one shape (`details.limitBytes`); each
 * subclass keeps its own code and says what to do instead.
 */
export abstract class TooLarge extends DomainError {
  readonly kind = 'too-large';
  constructor(
    what: string,
    readonly limitBytes: number,
    advice?: string,
  ) {
    super(`${what} is larger than the ${formatBytes(limitBytes)} limit${advice ? `: ${advice}` : '.'}`, {
      limitBytes,
    });
  }
}
