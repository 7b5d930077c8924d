import { type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import type { Job, JobRepository, JobStatus } from '../../../domain/jobs/job';
import type { Database, JobsTable } from '../schema';

const toJob = (row: Selectable<JobsTable>): Job => ({
  id: row.id,
  kind: row.kind,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  status: row.status as JobStatus,
  checkpoint: row.checkpoint === null ? null : (JSON.parse(row.checkpoint) as unknown),
  leaseOwner: row.lease_owner,
  leaseExpiresAt: row.lease_expires_at,
  attempts: Number(row.attempts),
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const later = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

/**
 * Durable jobs with row leases. A lease is taken and renewed with conditional updates, so two
 * workers can never both hold one, on SQLite or PostgreSQL; on PostgreSQL the claim also skips rows
 * another worker has locked (`FOR UPDATE SKIP LOCKED`) instead of queueing behind them.
 */
export class SqlJobRepository implements JobRepository {
  private readonly postgres: boolean;
  constructor(private readonly db: Kysely<Database>) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async enqueue(job: {
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    createdAt: string;
    lease?: { owner: string; expiresAt: string };
  }): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({
        id: job.id,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        status: job.lease ? 'running' : 'queued',
        checkpoint: null,
        lease_owner: job.lease?.owner ?? null,
        lease_expires_at: job.lease?.expiresAt ?? null,
        attempts: job.lease ? 1 : 0,
        last_error: null,
        created_at: job.createdAt,
        updated_at: job.createdAt,
      })
      .execute();
  }

  async findById(id: string): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJob(row);
  }

  async claimNext(kinds: string[], owner: string, now: Date, leaseMs: number): Promise<Job | undefined> {
    if (kinds.length === 0) return undefined;
    const at = now.toISOString();
    let candidates = this.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
      .orderBy('created_at')
      .limit(1);
    if (this.postgres) candidates = candidates.forUpdate().skipLocked();
    const row = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        lease_owner: owner,
        lease_expires_at: later(now, leaseMs),
        status: 'running',
        attempts: eb('attempts', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', candidates)
      // Re-checked here: without row locks (SQLite) the update itself must be the arbiter.
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  async holdLease(id: string, owner: string, now: Date, leaseMs: number): Promise<Job | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: later(now, leaseMs), updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  async saveCheckpoint(id: string, owner: string, checkpoint: unknown, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ checkpoint: JSON.stringify(checkpoint), updated_at: now.toISOString(), last_error: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async finish(
    id: string,
    owner: string,
    status: 'succeeded' | 'failed',
    now: Date,
    error?: string,
  ): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status, lease_expires_at: null, updated_at: now.toISOString(), last_error: error ?? null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async release(id: string, owner: string, error: string, retryAt: Date, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: retryAt.toISOString(), last_error: error, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }
}
