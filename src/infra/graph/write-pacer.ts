import { setTimeout as sleep } from 'node:timers/promises';

/** A directory write quota: at most `writes` write requests in any `windowMs`. */
export interface WriteLimit {
  writes: number;
  windowMs: number;
}

/**
 * Microsoft Graph's identity and access write quota per application and tenant: 3,000 write requests
 * per 2 minutes 30 seconds (https://learn.microsoft.com/graph/throttling-limits#identity-and-access-service-limits).
 * Every POST, PATCH, PUT or DELETE counts one, inside a `$batch` too. The tenant-wide quota for all
 * apps (18,000 per 5 minutes) and the app-wide one are looser for a single tenant's work.
 */
export const GRAPH_DIRECTORY_WRITE_LIMIT: WriteLimit = { writes: 3000, windowMs: 150_000 };

/**
 * Paces writes below a quota with a token bucket: a burst of 50 (so the pauses between a job's steps,
 * when only reads go out, are caught up), refilled at 98 % of the quota's rate, so no window of the
 * quota's length ever sees more than 50 + 0.98 × quota writes (2,990 of 3,000; the bound holds for any
 * quota of 2,500 writes or more). Throttling answers that still come (other apps share the tenant's quota) are
 * honoured by the Graph client and the batcher with Retry-After.
 */
export class WritePacer {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly perMs: number;

  constructor(
    limit: WriteLimit,
    private readonly burst = 50,
    share = 0.98,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = (limit.writes * share) / limit.windowMs;
    this.tokens = burst;
    this.last = this.now();
  }

  /** Resolves once `count` writes may be sent; callers are served in order. */
  take(count: number): Promise<void> {
    const turn = this.queue.then(() => this.wait(Math.min(count, this.burst)).then(() => this.spend(count)));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
  }

  private async wait(count: number): Promise<void> {
    for (this.refill(); this.tokens < count; this.refill()) {
      await sleep(Math.ceil((count - this.tokens) / this.perMs));
    }
  }

  private spend(count: number): void {
    this.tokens -= count;
  }
}
