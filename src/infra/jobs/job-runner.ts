import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Job } from '../../domain/jobs/job';
import type { JobHandler } from '../../domain/jobs/job-handler';
import { keepLease } from '../../domain/jobs/keep-lease';
import type { Clock } from '../../domain/shared/clock.port';
import { DomainError } from '../../domain/shared/domain-error';
import type { UnitOfWork } from '../../domain/shared/unit-of-work.port';
import { type Backoff, backoffDelay } from '../retry/backoff';
import { PollingLoop } from './polling-loop';

/** A failed step is tried again after 2 s, 4 s, 8 s… (at most a minute), up to the runner's attempts. */
const stepRetries: Backoff = { baseMs: 2000, maxMs: 60_000 };

export interface JobRunnerOptions {
  uow: UnitOfWork;
  clock: Clock;
  logger: Logger;
  handlers: JobHandler<never, never>[];
  /** How long a lease lasts without renewal; a crashed worker's jobs are picked up after it. */
  leaseMs?: number;
  /** How often an idle worker looks for work. */
  pollMs?: number;
  /** Attempts at one step before the job is given up. */
  maxAttempts?: number;
  /** Names this worker in leases (defaults to host, process and a random part). */
  owner?: string;
}

/** Thrown inside a step's transaction when the lease turned out to be someone else's by now. */
class LeaseLost extends Error {}

/**
 * Runs durable jobs from the `jobs` table. Any number of runners (processes) may share a database:
 * each claims a job with a lease, then runs it step by step; every step renews the lease, does the
 * handler's work and saves the checkpoint in one transaction. A runner that dies leaves its lease to
 * expire, after which another picks the job up at its last checkpoint.
 *
 * New kinds of background work plug in with a `JobHandler` (see src/domain/jobs/job-handler.ts) and
 * `repos.jobs.enqueue(...)` inside the use case that creates the work.
 */
export class JobRunner {
  readonly owner: string;
  private readonly handlers: Map<string, JobHandler<never, never>>;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly polling: PollingLoop;
  private stopping = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.handlers = new Map(options.handlers.map((h) => [h.kind, h]));
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.polling = new PollingLoop(
      () => this.runOnce(),
      options.pollMs ?? 500,
      (error) => options.logger.error({ err: error }, 'job runner: claiming failed'),
    );
  }

  start(): void {
    this.stopping = false;
    this.polling.start();
  }

  /** Looks for work now instead of at the next poll (after a job was enqueued in this process). */
  nudge(): void {
    this.polling.nudge();
  }

  /** Stops after the current step; the job stays leased until its lease expires or another step runs. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.polling.stop();
  }

  /** Runs one job to its end (or until the lease is lost); false when there was nothing to do. */
  async runOnce(): Promise<boolean> {
    const { uow, clock } = this.options;
    const job = await uow.run((repos) =>
      repos.jobs.claimNext([...this.handlers.keys()], this.owner, clock.now(), this.leaseMs),
    );
    if (!job) return false;
    await this.work(job);
    return true;
  }

  private async work(claimed: Job): Promise<void> {
    const { uow, clock, logger } = this.options;
    const handler = this.handlers.get(claimed.kind)!;
    const log = logger.child({ job: claimed.id, kind: claimed.kind, owner: this.owner });
    log.info({ attempt: claimed.attempts, resumed: claimed.checkpoint !== null }, 'job started');
    if (handler.prepare) {
      const stopRenewal = keepLease(
        uow,
        clock,
        { jobId: claimed.id, owner: this.owner, leaseMs: this.leaseMs },
        (error) => log.warn({ err: error }, 'job lease renewal failed'),
      );
      try {
        await handler.prepare(claimed as never);
      } catch (error) {
        stopRenewal();
        await this.stepFailed(claimed, handler, error, log);
        return;
      }
      stopRenewal();
    }
    while (true) {
      try {
        const done = await uow.run(async (repos) => {
          const now = clock.now();
          const job = await repos.jobs.holdLease(claimed.id, this.owner, now, this.leaseMs);
          if (!job) throw new LeaseLost();
          const step = await handler.step(repos, job as never, now);
          await repos.jobs.saveCheckpoint(job.id, this.owner, step.checkpoint, now);
          if (step.done) await repos.jobs.finish(job.id, this.owner, 'succeeded', now);
          return step.done;
        });
        if (done) {
          log.info('job finished');
          return;
        }
        if (this.stopping) return;
      } catch (error) {
        if (error instanceof LeaseLost) {
          log.warn('job lease lost to another worker; leaving it');
          return;
        }
        await this.stepFailed(claimed, handler, error, log);
        return;
      }
    }
  }

  /** A domain refusal will not change on retry; anything else (a database hiccup) is retried later. */
  private async stepFailed(
    job: Job,
    handler: JobHandler<never, never>,
    error: unknown,
    log: Logger,
  ): Promise<void> {
    const { uow, clock } = this.options;
    const reason = error instanceof Error ? error.message : String(error);
    const now = clock.now();
    const current = await uow.run((repos) => repos.jobs.findById(job.id));
    const attempts = current?.attempts ?? job.attempts;
    if (error instanceof DomainError || attempts >= this.maxAttempts) {
      log.error({ err: error, attempts }, 'job failed');
      await uow.run(async (repos) => {
        await repos.jobs.finish(job.id, this.owner, 'failed', now, reason);
        await handler.failed?.(repos, job as never, reason, now);
      });
      return;
    }
    const retryAt = new Date(now.getTime() + backoffDelay(attempts, stepRetries));
    log.warn({ err: error, attempts, retryAt }, 'job step failed; will retry');
    await uow.run((repos) => repos.jobs.release(job.id, this.owner, reason, retryAt, now));
  }
}
