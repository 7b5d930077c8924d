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
  step(repos: Repositories, job: Job<P, C>, now: Date): Promise<JobStep<C>>;
  /** Called (in its own transaction) when the job gives up, so the owner can record why. */
  failed?(repos: Repositories, job: Job<P, C>, reason: string, now: Date): Promise<void>;
}
