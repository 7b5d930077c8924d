import type { Kysely, Selectable } from 'kysely';
import type { JoinRequest, JoinRequestState } from '../../../domain/join-requests/join-request';
import type { JoinRequestRepository } from '../../../domain/join-requests/join-request.repository';
import type { Database, JoinRequestsTable } from '../schema';
import { inLists } from './in-lists';

const toJoinRequest = (row: Selectable<JoinRequestsTable>): JoinRequest => ({
  id: row.id,
  groupId: row.group_id,
  linkId: row.link_id,
  displayName: row.display_name,
  phone: row.phone,
  personId: row.person_id,
  requesterKey: row.requester_key,
  state: row.state as JoinRequestState,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});

export class SqlJoinRequestRepository implements JoinRequestRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(r: JoinRequest): Promise<void> {
    await this.db
      .insertInto('join_requests')
      .values({
        id: r.id,
        group_id: r.groupId,
        link_id: r.linkId,
        display_name: r.displayName,
        phone: r.phone,
        person_id: r.personId,
        requester_key: r.requesterKey,
        state: r.state,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        decided_by: r.decidedBy,
        decided_at: r.decidedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<JoinRequest | undefined> {
    const row = await this.db.selectFrom('join_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJoinRequest(row);
  }

  async findPending(
    groupId: string,
    who: { phone: string | null; personId: string | null },
    now: string,
  ): Promise<JoinRequest | undefined> {
    const row = await this.pending(now)
      .where('group_id', '=', groupId)
      .where((eb) =>
        eb.or([
          ...(who.phone !== null ? [eb('phone', '=', who.phone)] : []),
          ...(who.personId !== null ? [eb('person_id', '=', who.personId)] : []),
          eb.lit(false),
        ]),
      )
      .executeTakeFirst();
    return row && toJoinRequest(row);
  }

  async countCreatedSince(by: { linkId: string } | { requesterKey: string }, since: string): Promise<number> {
    const query = this.db
      .selectFrom('join_requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('created_at', '>', since);
    const row = await ('linkId' in by
      ? query.where('link_id', '=', by.linkId)
      : query.where('requester_key', '=', by.requesterKey)
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countPending(by: { linkId: string } | { phone: string }, now: string): Promise<number> {
    const query = this.pending(now)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number | string>().as('n'));
    const row = await ('linkId' in by
      ? query.where('link_id', '=', by.linkId)
      : query.where('phone', '=', by.phone)
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listPending(groupId: string, now: string): Promise<JoinRequest[]> {
    const rows = await this.pending(now)
      .where('group_id', '=', groupId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toJoinRequest);
  }

  async countPendingByGroup(groupIds: string[], now: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const chunk of inLists(groupIds)) {
      const rows = await this.pending(now)
        .clearSelect()
        .select(['group_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('group_id', 'in', chunk)
        .groupBy('group_id')
        .execute();
      for (const row of rows) counts.set(row.group_id, Number(row.n));
    }
    return counts;
  }

  async expireDue(groupId: string, now: string): Promise<number> {
    const result = await this.db
      .updateTable('join_requests')
      .set({ state: 'expired' })
      .where('group_id', '=', groupId)
      .where('state', '=', 'pending')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async decide(id: string, state: 'approved' | 'declined', by: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('join_requests')
      .set({ state, decided_by: by, decided_at: now })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private pending(now: string) {
    return this.db
      .selectFrom('join_requests')
      .selectAll()
      .where('state', '=', 'pending')
      .where('expires_at', '>', now);
  }
}
