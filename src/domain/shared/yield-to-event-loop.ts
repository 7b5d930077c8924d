/**
 * Lets everything else waiting on this process run (other requests, /healthz, timers) before a long
 * piece of work carries on. Work done in slices with this between them never holds the thread long.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
