import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Region } from '../../domain/people/phone-number';
import type { PhoneBatchChecker, PhoneVerdict } from '../../domain/uploads/phone-batch-checker';
import type { PhoneCheckReply, PhoneCheckRequest } from './phone-check.worker';

export interface WorkerPhoneCheckerOptions {
  /**
   * How long the thread may sit idle before it is stopped (it starts again on the next batch, in
   * about a tenth of a second). Short, because applying usually follows validation at once, and the
   * thread's heap and phone metadata (about 30 MB) would otherwise sit beside the apply's batches.
   */
  idleMs?: number;
}

interface Waiting {
  resolve(verdicts: PhoneVerdict[]): void;
  reject(error: Error): void;
}

/**
 * Checks phone numbers on a worker thread, so that validating a large file uses both cores: the main
 * thread parses CSV and checks rows while this thread runs libphonenumber-js on the previous batch.
 * The thread starts on first use, keeps the process alive only while batches are out, and stops
 * soon after the last batch (its phone metadata is not worth keeping between uploads).
 */
export class WorkerPhoneChecker implements PhoneBatchChecker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleMs: number;

  constructor(options: WorkerPhoneCheckerOptions = {}) {
    this.idleMs = options.idleMs ?? 2_000;
  }

  check(inputs: string[], regions: Region[]): Promise<PhoneVerdict[]> {
    const worker = this.worker ?? this.spawn();
    clearTimeout(this.idleTimer);
    if (this.waiting.size === 0) worker.ref();
    const id = ++this.nextId;
    return new Promise<PhoneVerdict[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, inputs, regions } satisfies PhoneCheckRequest);
    });
  }

  /** Stops the thread now; batches still out are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    this.refuseWaiting(new Error('The phone number checker was closed.'));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    // From the TypeScript sources (tsx, jest) the thread needs tsx too; the compiled build runs .js.
    const fromSource = path.extname(__filename) === '.ts';
    const worker = new Worker(path.join(__dirname, `phone-check.worker${fromSource ? '.ts' : '.js'}`), {
      // Resolved here: the process may run from any directory (the CLI in an IT script).
      ...(fromSource ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {}),
      // Parsing makes short-lived garbage only; a small young generation keeps the thread ~20 MB lighter.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    worker.on('message', (reply: PhoneCheckReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`Checking phone numbers failed: ${reply.error}`));
      else waiting?.resolve(reply.verdicts);
      if (this.waiting.size === 0 && this.worker === worker) this.idle(worker);
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.refuseWaiting(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The phone number checker stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private idle(worker: Worker): void {
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && this.waiting.size === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private refuseWaiting(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
