import { Worker } from 'node:worker_threads';

/** How often the WAL is copied back into the database file, off the event loop. */
export const CHECKPOINT_EVERY_MS = 100;

/**
 * The worker's code: its own connection to the file, a passive checkpoint on a timer. Passive means it
 * never waits for readers or writers; what it cannot copy now it copies next time.
 */
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or closing: the next turn tries again, and the writer's own checkpoint is the backstop
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Keeps SQLite's write-ahead log short from a worker thread. better-sqlite3 is synchronous, so a
 * checkpoint run by a commit on the main connection (every `wal_autocheckpoint` pages) held the event
 * loop, and with it every request and `/healthz`, for 60–80 ms while tens of MB were copied; here that
 * copying happens beside the event loop. The main connection's own autocheckpoint stays as the backstop
 * should this worker stop.
 */
export function startWalCheckpointer(file: string): { stop(): Promise<void> } {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A worker that fails leaves the main connection's own checkpoint to do the work: never a crash.
  worker.on('error', () => undefined);
  return {
    async stop() {
      // Held again while it stops: an unreferenced worker would let a process with nothing else left
      // (the CLI, once its work is done) end right here, before its exit code is set.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
