import type { Region } from '../people/phone-number';
import type { PhoneBatchChecker, PhoneVerdict } from './phone-batch-checker';
import type { Problem } from './upload-problem';

/** Rows per batch of phone numbers: large enough to amortise a hand-over, small enough to overlap. */
export const PHONE_BATCH_ROWS = 1000;

/** A problem found between rows (csv-parse skipping a record), kept in its place in the file. */
class QueuedProblem {
  constructor(
    readonly problem: Problem,
    readonly cells: string[] | undefined,
  ) {}
}

interface Batch<Row> {
  entries: Array<Row | QueuedProblem>;
  /** For each entry, the index of its number in `inputs`, or -1 when it has none to check. */
  phoneAt: number[];
  inputs: string[];
  regions: Region[];
  verdicts?: Promise<PhoneVerdict[]>;
}

export interface PhonePipelineOptions<Row> {
  checker: PhoneBatchChecker;
  /** Finishes a row once its number's verdict is known (undefined when it had none to check). */
  finish(row: Row, verdict: PhoneVerdict | undefined): void;
  /** Where problems between rows go, in order with the rows around them. */
  report(problem: Problem, cells?: string[]): void;
  /** Lets the sink write out what finished rows produced (keeps memory flat). */
  drain(): Promise<void>;
  batchRows?: number;
}

/**
 * Lets rows wait for their phone verdicts while the file is read on. Rows go into a batch; a full
 * batch is handed to the checker and the next one fills meanwhile (one batch of look-ahead). Batches
 * finish strictly in file order, so problems come out in the same order as if every number had been
 * checked on the spot.
 */
export class PhonePipeline<Row extends object> {
  private filling: Batch<Row> = emptyBatch();
  private readonly inFlight: Batch<Row>[] = [];
  private readonly batchRows: number;

  constructor(private readonly options: PhonePipelineOptions<Row>) {
    this.batchRows = options.batchRows ?? PHONE_BATCH_ROWS;
  }

  /** A problem outside any row: reported at once when no row is waiting, else after those waiting. */
  problem(problem: Problem, cells?: string[]): void {
    if (this.inFlight.length === 0 && this.filling.entries.length === 0) this.options.report(problem, cells);
    else {
      this.filling.entries.push(new QueuedProblem(problem, cells));
      this.filling.phoneAt.push(-1);
    }
  }

  /** Adds a row whose number (if any) is to be checked; resolves when the pipeline has room again. */
  async add(row: Row, phone: { input: string; region: Region } | undefined): Promise<void> {
    const batch = this.filling;
    batch.entries.push(row);
    if (phone) {
      batch.phoneAt.push(batch.inputs.length);
      batch.inputs.push(phone.input);
      batch.regions.push(phone.region);
    } else batch.phoneAt.push(-1);
    if (batch.entries.length < this.batchRows) return;
    this.send();
    // The checker keeps working on the batch just sent while the oldest one finishes here.
    while (this.inFlight.length > 1) await this.finishOldest();
  }

  /** Finishes every row still waiting (at the end of the file, or before giving up on it). */
  async end(): Promise<void> {
    this.send();
    while (this.inFlight.length > 0) await this.finishOldest();
  }

  private send(): void {
    const batch = this.filling;
    if (batch.entries.length === 0) return;
    batch.verdicts =
      batch.inputs.length > 0 ? this.options.checker.check(batch.inputs, batch.regions) : Promise.resolve([]);
    // Settled when awaited in order; until then a failure must not count as unhandled.
    batch.verdicts.catch(() => undefined);
    this.inFlight.push(batch);
    this.filling = emptyBatch();
  }

  private async finishOldest(): Promise<void> {
    const batch = this.inFlight[0]!;
    const verdicts = await batch.verdicts!;
    this.inFlight.shift();
    for (let i = 0; i < batch.entries.length; i++) {
      const entry = batch.entries[i]!;
      if (entry instanceof QueuedProblem) this.options.report(entry.problem, entry.cells);
      else {
        const at = batch.phoneAt[i]!;
        this.options.finish(entry, at >= 0 ? verdicts[at] : undefined);
      }
    }
    await this.options.drain();
  }
}

function emptyBatch<Row>(): Batch<Row> {
  return { entries: [], phoneAt: [], inputs: [], regions: [] };
}
