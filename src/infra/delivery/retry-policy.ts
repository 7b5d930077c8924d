import { backoffDelay } from '../retry/backoff';
import { ConnectorError } from './bot-connector-client';

/** What to do after a failed send. */
export type SendVerdict =
  | { kind: 'retry'; afterMs: number; code: string; reason: string }
  | { kind: 'fail'; code: string; reason: string; forgetAddress: boolean };

export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** 0..1; injectable so tests can pin it. */
  random?: () => number;
}

/** Statuses Teams documents as transient for bots: throttled, precondition race, gateway trouble. */
const transientStatuses = new Set([412, 429, 502, 503, 504]);

/**
 * Decides between another attempt and giving up. Throttling waits what Retry-After asks (plus a
 * little jitter so throttled senders do not return in lock-step); other transient errors back off
 * exponentially with jitter. After `maxAttempts` the invite fails with the last reason.
 */
export function judgeSendFailure(error: unknown, attempts: number, policy: RetryPolicy): SendVerdict {
  const random = policy.random ?? Math.random;
  if (!(error instanceof ConnectorError)) {
    return { kind: 'fail', code: 'DELIVERY_ERROR', reason: String(error), forgetAddress: false };
  }
  const described = `Teams answered ${error.status}${error.connectorCode ? ` ${error.connectorCode}` : ''}: ${error.message}`;
  if (transientStatuses.has(error.status)) {
    if (attempts >= policy.maxAttempts) {
      return {
        kind: 'fail',
        code: 'RETRIES_EXHAUSTED',
        reason: `Gave up after ${attempts} attempts. ${described}`,
        forgetAddress: false,
      };
    }
    const code = error.status === 429 ? 'THROTTLED' : 'TEAMS_UNAVAILABLE';
    if (error.status === 429) {
      const wait = error.retryAfterMs ?? policy.backoffBaseMs;
      return { kind: 'retry', afterMs: wait + Math.floor(random() * 250), code, reason: described };
    }
    return {
      kind: 'retry',
      afterMs: backoffDelay(attempts, { baseMs: policy.backoffBaseMs, maxMs: policy.backoffMaxMs }, random),
      code,
      reason: described,
    };
  }
  if (error.status === 403) {
    return {
      kind: 'fail',
      code: 'BOT_BLOCKED',
      reason: `The person blocked Convene or their admin disabled it. ${described}`,
      forgetAddress: false,
    };
  }
  if (error.status === 404) {
    return {
      kind: 'fail',
      code: 'CONVERSATION_NOT_FOUND',
      reason: `Their chat with Convene no longer exists; Resend will look for it again. ${described}`,
      forgetAddress: true,
    };
  }
  return { kind: 'fail', code: 'TEAMS_REJECTED', reason: described, forgetAddress: false };
}
