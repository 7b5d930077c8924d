import { HttpProblem } from '../http-errors';
import { paceRefusal } from './refusal-pace';

export interface WorkGateLimits {
  /** Pieces of heavy work the process runs at once. */
  running: number;
  /** Pieces that may wait for a turn; more are refused at once. */
  waiting: number;
  /** What `Retry-After` says to someone refused because the process is full. */
  busyRetryAfterSeconds: number;
  /** What `Retry-After` says to someone refused because their own work is still running. */
  ownRetryAfterSeconds: number;
  /** How long a refusal waits before it is sent (refusal-pace.ts); the default unless said. */
  refusalPaceMs?: number;
}

/**
 * Admission control for heavy work started by signed-in people (adding thousands by phone): at most
 * `running` pieces at once in this process and one per person, a bounded line of `waiting` behind them,
 * and a coded refusal with `Retry-After` beyond that. The work itself yields between its slices; this
 * bounds how many such slices compete with everyone else's requests at any moment, so one member
 * hammering the heavy route cannot take the process from the others.
 */
export class WorkGate {
  private running = 0;
  private readonly line: Array<() => void> = [];
  private readonly holders = new Set<string>();

  constructor(
    private readonly limits: WorkGateLimits,
    /** Words for the refusals: what the work is, as in "Convene is busy <doing>". */
    private readonly doing: string,
  ) {}

  /** Runs `work` for `person` once there is room, or throws the coded refusal (429 or 503). */
  async run<T>(person: string, work: () => Promise<T>): Promise<T> {
    if (this.holders.has(person)) {
      await paceRefusal(this.limits.refusalPaceMs);
      const seconds = this.limits.ownRetryAfterSeconds;
      throw new HttpProblem(
        429,
        'WORK_IN_PROGRESS',
        `You are already ${this.doing}; wait until that has finished, then try again.`,
        { retryAfterSeconds: seconds, work: this.doing },
        { 'Retry-After': String(seconds) },
      );
    }
    if (this.running >= this.limits.running && this.line.length >= this.limits.waiting) {
      await paceRefusal(this.limits.refusalPaceMs);
      const seconds = this.limits.busyRetryAfterSeconds;
      throw new HttpProblem(
        503,
        'SERVER_BUSY',
        `Convene is busy ${this.doing} for others; try again in ${seconds} seconds.`,
        {
          retryAfterSeconds: seconds,
          running: this.limits.running,
          waiting: this.limits.waiting,
          work: this.doing,
        },
        { 'Retry-After': String(seconds) },
      );
    }
    this.holders.add(person);
    try {
      if (this.running >= this.limits.running) await new Promise<void>((turn) => this.line.push(turn));
      else this.running++;
      try {
        return await work();
      } finally {
        // The slot passes straight to the next in line, so `running` never drops below what is busy.
        const next = this.line.shift();
        if (next) next();
        else this.running--;
      }
    } finally {
      this.holders.delete(person);
    }
  }
}
