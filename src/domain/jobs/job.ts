/** Where a durable job stands. `queued` and `running` jobs are picked up by any worker whose lease is free. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * A unit of background work that survives crashes: its payload and checkpoint live in the database,
 * and a worker holds a time-limited lease on it while working.
 */
export interface Job<P = Record<string, unknown>, C = unknown> {
  id: string;
  kind: string;
  payload: P;
  status: JobStatus;
  /** Where the last committed step left off; null before the first step. */
  checkpoint: C | null;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobRepository {
  /**
   * Records a job. With `lease`, the job is born running under that owner's lease: the caller does
   * the work itself, and runners take it over only if the lease runs out (the caller died).
   */
  enqueue(job: {
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    createdAt: string;
    lease?: { owner: string; expiresAt: string };
  }): Promise<void>;
  findById(id: string): Promise<Job | undefined>;
  /** Takes the lease of the oldest runnable job of these kinds whose lease is free; undefined when none. */
  claimNext(kinds: string[], owner: string, now: Date, leaseMs: number): Promise<Job | undefined>;
  /**
   * Renews the lease inside the caller's transaction and locks the job row until it commits.
   * Returns the job as stored (with its latest checkpoint), or undefined when the lease was lost.
   */
  holdLease(id: string, owner: string, now: Date, leaseMs: number): Promise<Job | undefined>;
  saveCheckpoint(id: string, owner: string, checkpoint: unknown, now: Date): Promise<void>;
  finish(id: string, owner: string, status: 'succeeded' | 'failed', now: Date, error?: string): Promise<void>;
  /** Gives the job back after a failed step; another attempt may start after `retryAt`. */
  release(id: string, owner: string, error: string, retryAt: Date, now: Date): Promise<void>;
}
