/**
 * Lets everything else waiting on this process run (other requests, /healthz, timers) before a piece of
 * work carries on. Work done in slices with this between them never holds the thread long.
 *
 * Pieces that yield wait in one line and start one per turn of the event loop. better-sqlite3 answers at
 * once, so a piece (an API request, a slice of numbers being added) is one synchronous run of a few
 * milliseconds. With a plain `setImmediate` each, all pieces waiting in a turn ran back to back in its
 * check phase, and `/healthz`, a bot turn or the next socket waited behind every one of them. Started one
 * per turn, the event loop polls its sockets between two pieces, so nothing waits behind more than one.
 * The work and its order are unchanged; only its interleaving with I/O is. The event loop is one per
 * process, and so is the line.
 */
const line: Array<() => void> = [];
let scheduled = false;

function startNext(): void {
  line.shift()?.();
  // Scheduled from inside the check phase, the next piece waits for the next turn (after a poll).
  if (line.length > 0) setImmediate(startNext);
  else scheduled = false;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    line.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(startNext);
    }
  });
}
