import { type Kysely, sql } from 'kysely';
import { SqlMembershipRepository } from '../storage/repositories/membership.repository.sql';
import type { Database } from '../storage/schema';
import { loadAnnouncementCopies } from './announcement-copies';
import type { Delivery, DeliveryKind, DeliveryRef } from './delivery';

export type { Delivery, DeliveryKind, DeliveryRef } from './delivery';

/** The two tables hold the same delivery columns (leases, attempts, outcome), one per kind. */
const tableOf = { invite: 'card_invites', announcement: 'announcement_deliveries' } as const;
/** Kysely is given one table's name for both: their delivery columns are spelled and typed alike. */
const table = (kind: DeliveryKind) => tableOf[kind] as 'card_invites';

/** Alternates two lists (then the rest of the longer). */
function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

/**
 * The card-invite delivery queue in the database. Workers claim due invites under a lease (an
 * atomic UPDATE … RETURNING; on PostgreSQL the candidates are picked FOR UPDATE SKIP LOCKED, on
 * SQLite the single writer serialises claims), so two workers never hold the same invite. Every
 * later write is conditional on still holding the lease.
 */
export class DeliveryQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
    /** Whether this queue also carries announcement copies (a worker that can render them). */
    private readonly withAnnouncements = false,
  ) {}

  /**
   * Leases up to `limit` due deliveries to `worker` until `leaseUntil`. With announcements on, a batch
   * is half invites and half announcement copies when both are waiting (either takes the other's
   * unused half), interleaved, so the pacer's first-come order shares the tenant's budget between them:
   * a big announcement never starves invites, and a big upload's invites never starve an announcement.
   */
  async claim(worker: string, limit: number, now: Date, leaseMs: number): Promise<Delivery[]> {
    if (!this.withAnnouncements)
      return this.load('invite', await this.claimIds('invite', worker, limit, now, leaseMs));
    const half = Math.ceil(limit / 2);
    const invites = await this.claimIds('invite', worker, half, now, leaseMs);
    const copies = await this.claimIds('announcement', worker, limit - invites.length, now, leaseMs);
    if (invites.length === half && copies.length < limit - half)
      invites.push(...(await this.claimIds('invite', worker, limit - half - copies.length, now, leaseMs)));
    return interleave(await this.load('invite', invites), await this.load('announcement', copies));
  }

  private async claimIds(
    kind: DeliveryKind,
    worker: string,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<string[]> {
    if (limit <= 0) return [];
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const candidates = this.db
      .selectFrom(table(kind))
      .select('id')
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(limit);
    const claimed = await this.db
      .updateTable(table(kind))
      .set({ lease_owner: worker, lease_until: until })
      .where('id', 'in', this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates)
      .returning('id')
      .execute();
    return claimed.map((row) => row.id);
  }

  private load(kind: DeliveryKind, ids: string[]): Promise<Delivery[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return kind === 'invite' ? this.loadInvites(ids) : loadAnnouncementCopies(this.db, ids);
  }

  private async loadInvites(ids: string[]): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('card_invites as ci')
      .innerJoin('groups as g', 'g.id', 'ci.group_id')
      .innerJoin('people as p', 'p.id', 'ci.person_id')
      .leftJoin('groups as parent', 'parent.id', 'g.parent_id')
      .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
      .leftJoin('people as inviter', 'inviter.id', 'ci.invited_by')
      .leftJoin('memberships as m', (join) =>
        join.onRef('m.group_id', '=', 'ci.group_id').onRef('m.person_id', '=', 'ci.person_id'),
      )
      .select([
        'ci.id',
        'ci.attempts',
        'ci.sending_since',
        'ci.group_id',
        'g.name as group_name',
        'parent.name as parent_name',
        'o.tenant_id as organisation_tenant_id',
        'm.state as membership_state',
        'ci.person_id',
        'p.phone as person_phone',
        'p.email as person_email',
        'p.employee_id as person_employee_id',
        'p.display_name as person_name',
        'p.tenant_id as person_tenant_id',
        'p.aad_object_id as person_aad_object_id',
        'p.locale as person_locale',
        'inviter.display_name as inviter_name',
        'inviter.tenant_id as inviter_tenant_id',
      ])
      .where('ci.id', 'in', ids)
      .execute();
    const joined = await this.joinedCounts([...new Set(rows.map((row) => row.group_id))]);
    return rows.map((row) => ({
      id: row.id,
      kind: 'invite' as const,
      attempts: Number(row.attempts),
      interruptedSend: row.sending_since !== null,
      groupId: row.group_id,
      groupName: row.group_name,
      parentName: row.parent_name,
      organisationTenantId: row.organisation_tenant_id,
      memberCount: joined.get(row.group_id) ?? 0,
      membershipState: row.membership_state,
      personId: row.person_id,
      personPhone: row.person_phone,
      personEmail: row.person_email,
      personEmployeeId: row.person_employee_id,
      personName: row.person_name,
      personTenantId: row.person_tenant_id,
      personAadObjectId: row.person_aad_object_id,
      personLocale: row.person_locale,
      inviterName: row.inviter_name,
      inviterTenantId: row.inviter_tenant_id,
    }));
  }

  /**
   * Members who joined, per group, counted once per group for the whole batch (one statement, on the
   * `(group_id, state)` index): a count per invite made a batch cost grow with the square of a group.
   */
  private async joinedCounts(groupIds: string[]): Promise<Map<string, number>> {
    const counts = await new SqlMembershipRepository(this.db).countStates(groupIds);
    return new Map(counts.filter((c) => c.state === 'joined').map((c) => [c.groupId, c.count]));
  }

  /**
   * Marks the request as leaving, with its address, just before it goes out. False when the lease
   * was lost (another worker took over) or the invite was answered meanwhile: then do not send.
   */
  async markSending(
    { id, kind }: DeliveryRef,
    worker: string,
    now: Date,
    target: { tenantId: string; aadObjectId: string; conversationId: string },
  ): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable(table(kind))
      .set((eb) => ({
        sending_since: at,
        attempts: eb('attempts', '+', 1),
        target_tenant_id: target.tenantId,
        target_aad_object_id: target.aadObjectId,
        conversation_id: target.conversationId,
        updated_at: at,
      }))
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .where('lease_until', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(
    { id, kind }: DeliveryRef,
    worker: string,
    now: Date,
    activityId: string | null,
  ): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable(table(kind))
      .set({
        state: 'sent',
        sent_at: at,
        activity_id: activityId,
        sending_since: null,
        lease_owner: null,
        lease_until: null,
        failure_code: null,
        failure_reason: null,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** Puts the invite back for another attempt at `retryAt`, noting why. */
  async retryLater(
    { id, kind }: DeliveryRef,
    worker: string,
    now: Date,
    retryAt: Date,
    problem: { code: string; reason: string },
    countsAsAttempt = false,
  ): Promise<void> {
    await this.db
      .updateTable(table(kind))
      .set((eb) => ({
        next_attempt_at: retryAt.toISOString(),
        sending_since: null,
        lease_owner: null,
        lease_until: null,
        failure_code: problem.code,
        failure_reason: problem.reason,
        updated_at: now.toISOString(),
        ...(countsAsAttempt ? { attempts: eb('attempts', '+', 1) } : {}),
      }))
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** Gives up on the invite for good; the tab shows the reason and offers Resend. */
  async fail(
    { id, kind }: DeliveryRef,
    worker: string,
    now: Date,
    problem: { code: string; reason: string },
  ): Promise<void> {
    await this.db
      .updateTable(table(kind))
      .set({
        state: 'failed',
        sending_since: null,
        lease_owner: null,
        lease_until: null,
        failure_code: problem.code,
        failure_reason: problem.reason,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** The person joined another way (a link) before their card left: no card is needed. */
  async settleJoined({ id, kind }: DeliveryRef, worker: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable(table(kind))
      .set({ state: 'joined', answered_at: at, lease_owner: null, lease_until: null, updated_at: at })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** Counts by state over one kind's queue (for tests, benchmarks and readiness). */
  async counts(kind: DeliveryKind = 'invite'): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom(table(kind))
      .select(['state', sql<string | number>`count(*)`.as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  }
}
