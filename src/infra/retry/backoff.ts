/** How long retries wait: the first waits `baseMs`, each further one twice as long, never more than `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `retry` (1 for the first retry after the first failed attempt):
 * `baseMs × 2^(retry − 1)`, capped at `maxMs`. Every retry in Convene (invite delivery, durable jobs,
 * provisioning, Graph reads after a dropped connection) waits this, so they all double the same way.
 *
 * With `random` (0..1), "equal jitter": between half the step and the whole step, so many senders
 * failing together do not come back in lock-step, and none comes back at once.
 */
export function backoffDelay(retry: number, backoff: Backoff, random?: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry - 1));
  return random ? Math.floor(step / 2 + random() * (step / 2)) : step;
}
