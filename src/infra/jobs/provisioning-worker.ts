import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Directory } from '../../domain/directory/directory.port';
import type { Job } from '../../domain/jobs/job';
import { keepLease } from '../../domain/jobs/keep-lease';
import {
  PROVISION_GROUP_JOB,
  type ProvisionGroupPayload,
  provisioningSpec,
  recordProvisioned,
  recordProvisioningFailed,
  recordProvisioningRetry,
} from '../../domain/provisioning/provision-group.job';
import type { Clock } from '../../domain/shared/clock.port';
import { DomainError } from '../../domain/shared/domain-error';
import type { UnitOfWork } from '../../domain/shared/unit-of-work.port';
import { backoffDelay } from '../retry/backoff';
import { PollingLoop } from './polling-loop';

export interface ProvisioningWorkerOptions {
  uow: UnitOfWork;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  /** How long a lease lasts without renewal; a crashed worker's jobs are picked up after it. */
  leaseMs?: number;
  pollMs?: number;
  /** Attempts before a job is given up and the group marked `failed`. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to a minute. */
  retryBaseMs?: number;
  owner?: string;
}

/**
 * Runs `group.provision` jobs from the shared `jobs` table (same leases as the JobRunner). Unlike a
 * JobHandler step, the Graph calls run outside any transaction (SQLite has one writer): a short
 * transaction reads what to create, the directory creates it while the lease is renewed on a timer,
 * and a second short transaction records the result and finishes the job if the lease is still ours.
 * A retry after a crash or failure repeats the remote work, which provisionGroup makes idempotent.
 * The same job brings a provisioned group's members up to date after they change (a member sync).
 */
export class ProvisioningWorker {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly polling: PollingLoop;

  constructor(private readonly options: ProvisioningWorkerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 2000;
    this.polling = new PollingLoop(
      () => this.runOnce(),
      options.pollMs ?? 1000,
      (error) => options.logger.error({ err: error }, 'provisioning worker: claiming failed'),
    );
  }

  start(): void {
    this.polling.start();
  }

  /** Looks for work now instead of at the next poll. */
  nudge(): void {
    this.polling.nudge();
  }

  /** Stops after the current job; a job still leased is picked up by others when its lease ends. */
  async stop(): Promise<void> {
    await this.polling.stop();
  }

  /** Runs one provisioning job if one is due; false when there was nothing to do. */
  async runOnce(): Promise<boolean> {
    const { uow, clock } = this.options;
    const job = await uow.run((repos) =>
      repos.jobs.claimNext([PROVISION_GROUP_JOB], this.owner, clock.now(), this.leaseMs),
    );
    if (!job) return false;
    await this.work(job as unknown as Job<ProvisionGroupPayload>);
    return true;
  }

  private async work(job: Job<ProvisionGroupPayload>): Promise<void> {
    const { uow, clock, directory, logger } = this.options;
    const { groupId } = job.payload;
    const log = logger.child({ job: job.id, kind: job.kind, group: groupId, owner: this.owner });
    log.info({ attempt: job.attempts }, 'provisioning started');
    // Keeps the lease while Graph is slow, so no second worker starts the same group meanwhile.
    const stopRenewal = keepLease(
      uow,
      clock,
      { jobId: job.id, owner: this.owner, leaseMs: this.leaseMs },
      (error) => log.warn({ err: error }, 'provisioning lease renewal failed'),
    );
    try {
      // From here on, a change to the members needs a sync of its own: this run may have read too early.
      const spec = await uow.run(async (repos) => {
        await repos.groupProvisioning.clearSyncPending(groupId);
        return provisioningSpec(repos, groupId);
      });
      const result = await directory.provisionGroup(spec);
      stopRenewal();
      const recorded = await uow.run(async (repos) => {
        const now = clock.now();
        if (!(await repos.jobs.holdLease(job.id, this.owner, now, this.leaseMs))) return false;
        await recordProvisioned(repos, job.id, groupId, result, now);
        await repos.jobs.finish(job.id, this.owner, 'succeeded', now);
        return true;
      });
      if (recorded)
        log.info({ entraGroupId: result.entraGroupId, local: !!result.local }, 'group provisioned');
      else log.warn('provisioning lease lost to another worker; leaving it');
    } catch (error) {
      stopRenewal();
      await this.failed(job, error, log);
    }
  }

  /** A domain refusal will not change on retry; Graph or network trouble is retried with back-off. */
  private async failed(job: Job<ProvisionGroupPayload>, error: unknown, log: Logger): Promise<void> {
    const { uow, clock } = this.options;
    const reason = error instanceof Error ? error.message : String(error);
    const giveUp = error instanceof DomainError || job.attempts >= this.maxAttempts;
    await uow.run(async (repos) => {
      const now = clock.now();
      if (!(await repos.jobs.holdLease(job.id, this.owner, now, this.leaseMs))) return;
      if (giveUp) {
        log.error({ err: error, attempts: job.attempts }, 'provisioning failed');
        await repos.jobs.finish(job.id, this.owner, 'failed', now, reason);
        await recordProvisioningFailed(repos, job.id, job.payload.groupId, reason, now);
        return;
      }
      const delay = backoffDelay(job.attempts, { baseMs: this.retryBaseMs, maxMs: 60_000 });
      log.warn({ err: error, attempts: job.attempts, delay }, 'provisioning failed; will retry');
      await repos.jobs.release(job.id, this.owner, reason, new Date(now.getTime() + delay), now);
      await recordProvisioningRetry(repos, job.payload.groupId, reason, now);
    });
  }
}
