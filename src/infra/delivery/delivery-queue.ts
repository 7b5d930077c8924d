import { type Kysely, sql } from 'kysely';
import { SqlMembershipRepository } from '../storage/repositories/membership.repository.sql';
import type { Database } from '../storage/schema';

/** One claimed invite with everything the card and its address need. */
export interface Delivery {
  id: string;
  attempts: number;
  /** Set when an earlier worker died with this invite's request in flight. */
  interruptedSend: boolean;
  groupId: string;
  groupName: string;
  parentName: string | null;
  organisationTenantId: string | null;
  memberCount: number;
  membershipState: string | null;
  personId: string;
  personPhone: string | null;
  /** The e-mail address and employee id an admin gave, to find the person's account by. */
  personEmail: string | null;
  personEmployeeId: string | null;
  personName: string | null;
  personTenantId: string | null;
  personAadObjectId: string | null;
  inviterName: string | null;
  inviterTenantId: string | null;
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
  ) {}

  /** Leases up to `limit` due invites to `worker` until `leaseUntil`. */
  async claim(worker: string, limit: number, now: Date, leaseMs: number): Promise<Delivery[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const candidates = this.db
      .selectFrom('card_invites')
      .select('id')
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(limit);
    const claimed = await this.db
      .updateTable('card_invites')
      .set({ lease_owner: worker, lease_until: until })
      .where('id', 'in', this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates)
      .returning('id')
      .execute();
    if (claimed.length === 0) return [];
    return this.load(claimed.map((row) => row.id));
  }

  private async load(ids: string[]): Promise<Delivery[]> {
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
        'inviter.display_name as inviter_name',
        'inviter.tenant_id as inviter_tenant_id',
      ])
      .where('ci.id', 'in', ids)
      .execute();
    const joined = await this.joinedCounts([...new Set(rows.map((row) => row.group_id))]);
    return rows.map((row) => ({
      id: row.id,
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
    id: string,
    worker: string,
    now: Date,
    target: { tenantId: string; aadObjectId: string; conversationId: string },
  ): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('card_invites')
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

  async markSent(id: string, worker: string, now: Date, activityId: string | null): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable('card_invites')
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
    id: string,
    worker: string,
    now: Date,
    retryAt: Date,
    problem: { code: string; reason: string },
    countsAsAttempt = false,
  ): Promise<void> {
    await this.db
      .updateTable('card_invites')
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
    id: string,
    worker: string,
    now: Date,
    problem: { code: string; reason: string },
  ): Promise<void> {
    await this.db
      .updateTable('card_invites')
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
  async settleJoined(id: string, worker: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable('card_invites')
      .set({ state: 'joined', answered_at: at, lease_owner: null, lease_until: null, updated_at: at })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .where('lease_owner', '=', worker)
      .execute();
  }

  /** Counts by state over the whole queue (for tests, benchmarks and readiness). */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('card_invites')
      .select(['state', sql<string | number>`count(*)`.as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  }
}
