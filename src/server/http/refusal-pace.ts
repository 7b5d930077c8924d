import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long a "too many requests" or "busy" refusal waits before it is sent. A client that ignores
 * `Retry-After` and asks again the moment it is refused would otherwise turn each cheap refusal into the
 * next request at once: twenty such clients kept the event loop busy with refusals alone (R1: `/healthz`
 * p99 7× its idle value with every poster request refused, 2.3× with the posters actually served).
 * Waiting costs a timer and the socket it holds, no CPU; the per-address and total connection caps
 * (server-limits.ts) bound how many refusals can wait at once. Someone who is refused reads the same
 * answer a second later, which changes nothing for them.
 */
export const REFUSAL_PACE_MS = 1000;

/** Waits out the refusal pace (shorter in tests that say so). */
export const paceRefusal = (ms: number = REFUSAL_PACE_MS): Promise<void> =>
  ms > 0 ? sleep(ms) : Promise.resolve();
