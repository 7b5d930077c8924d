import { DomainError } from '../shared/domain-error';
import { JOIN_REQUEST_NAME_MAX_LENGTH } from './join-request';

export class JoinRequestNameInvalid extends DomainError {
  readonly code = 'JOIN_REQUEST_NAME_INVALID';
  readonly kind = 'invalid';
  constructor() {
    super(
      `Type your name (1 to ${JOIN_REQUEST_NAME_MAX_LENGTH} characters) so the admins know who is asking.`,
      { max: JOIN_REQUEST_NAME_MAX_LENGTH },
    );
  }
}

export class JoinRequestRegionNeeded extends DomainError {
  readonly code = 'JOIN_REQUEST_REGION_NEEDED';
  readonly kind = 'invalid';
  constructor() {
    super('Choose your country, or type your number with its country code (starting with +).');
  }
}

export class JoinRequestsTooMany extends DomainError {
  readonly code = 'JOIN_REQUESTS_TOO_MANY';
  readonly kind = 'rate-limited';
  constructor(
    readonly limit: 'requester' | 'link' | 'phone',
    retryAfterSeconds: number,
  ) {
    super('Too many requests to join right now. Wait a while and try again.', { limit, retryAfterSeconds });
  }
}

export class JoinRequestsFull extends DomainError {
  readonly code = 'JOIN_REQUESTS_FULL';
  readonly kind = 'conflict';
  constructor(group: string) {
    super(`"${group}" has too many requests waiting for its admins. Ask the person who shared the link.`, {
      group,
    });
  }
}

export class JoinRequestNotFound extends DomainError {
  readonly code = 'JOIN_REQUEST_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('That join request does not exist in this group.', { id });
  }
}
