import type { Repositories } from '../shared/unit-of-work.port';
import type { Job } from './job';

/** What one step of a job reports: where to continue, and whether the job is finished. */
export interface JobStep<C = unknown> {
  checkpoint: C;
  done: boolean;
}

/**
 * The code behind one job kind. `step` runs inside the same transaction that renews the lease and
 * saves the returned checkpoint, so a step's writes and its checkpoint commit together: after a crash
 * the job resumes exactly after the last committed step, never repeating or skipping one.
 */
export interface JobHandler<P = Record<string, unknown>, C = unknown> {
  kind: string;
  /**
   * Long work to do outside any transaction before the steps (streaming a file, say), each time a
   * runner takes the job on; the runner keeps the lease meanwhile. It must be safe to repeat.
   */
  prepare?(job: Job<P, C>): Promise<void>;
  step(repos: Repositories, job: Job<P, C>, now: Date): Promise<JobStep<C>>;
  /** Called (in its own transaction) when the job gives up, so the owner can record why. */
  failed?(repos: Repositories, job: Job<P, C>, reason: string, now: Date): Promise<void>;
}
