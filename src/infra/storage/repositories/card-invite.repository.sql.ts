import { type Kysely, type Selectable, sql } from 'kysely';
import type { CardInvite, CardInviteState } from '../../../domain/invites/card-invite';
import type { CardInviteRepository, CardInviteView } from '../../../domain/invites/card-invite.repository';
import { newId } from '../../../domain/shared/ids';
import type { CardInvitesTable, Database } from '../schema';
import { executeMultiRow } from './multi-row-insert';

/** Row → entity; shared with the delivery queue. */
export const toCardInvite = (row: Selectable<CardInvitesTable>): CardInvite => ({
  id: row.id,
  groupId: row.group_id,
  personId: row.person_id,
  invitedBy: row.invited_by,
  state: row.state as CardInviteState,
  attempts: Number(row.attempts),
  failureCode: row.failure_code,
  failureReason: row.failure_reason,
  targetTenantId: row.target_tenant_id,
  targetAadObjectId: row.target_aad_object_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  sentAt: row.sent_at,
  answeredAt: row.answered_at,
});

const enqueueColumns = [
  'id',
  'group_id',
  'person_id',
  'created_at',
  'state',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_until',
  'sending_since',
  'failure_code',
  'failure_reason',
  'invited_by',
  'updated_at',
  'answered_at',
] as const;
/** What re-queuing resets: everything but the id, the membership and when it was first queued. */
const requeueColumns = enqueueColumns.filter(
  (c) => !['id', 'group_id', 'person_id', 'created_at'].includes(c),
);

/** Card invites in SQL: one row per membership, re-queued in place on resend. */
export class SqlCardInviteRepository implements CardInviteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(
    invites: Array<{ groupId: string; personId: string; invitedBy: string | null }>,
    at: string,
    options: { includeAnswered?: boolean } = {},
  ): Promise<string[]> {
    const ids: string[] = [];
    const keepStates = options.includeAnswered ? ['queued'] : ['queued', 'joined', 'declined'];
    for (const invite of invites) {
      const requeue = {
        state: 'queued',
        attempts: 0,
        next_attempt_at: at,
        lease_owner: null,
        lease_until: null,
        sending_since: null,
        failure_code: null,
        failure_reason: null,
        invited_by: invite.invitedBy,
        updated_at: at,
        answered_at: null,
      };
      // One statement per invite settles a race between two admins adding the same person.
      const row = await this.db
        .insertInto('card_invites')
        .values({
          id: newId(),
          group_id: invite.groupId,
          person_id: invite.personId,
          created_at: at,
          ...requeue,
        })
        .onConflict((oc) =>
          oc
            .columns(['group_id', 'person_id'])
            .doUpdateSet(requeue)
            .where('card_invites.state', 'not in', keepStates),
        )
        .returning('id')
        .executeTakeFirst();
      if (row) ids.push(row.id);
    }
    return ids;
  }

  async enqueueMany(
    invites: Array<{ groupId: string; personId: string; invitedBy: string | null }>,
    at: string,
  ): Promise<Array<{ id: string; groupId: string; personId: string }>> {
    // One row per membership: PostgreSQL refuses a statement that would update the same row twice.
    const unique = new Map(invites.map((invite) => [`${invite.groupId}|${invite.personId}`, invite]));
    const rows = [...unique.values()];
    const values = rows.map((invite) => [
      newId(),
      invite.groupId,
      invite.personId,
      at,
      'queued',
      0,
      at,
      null,
      null,
      null,
      null,
      null,
      invite.invitedBy,
      at,
      null,
    ]);
    // The statements are compiled once per size; the update takes every value from the new row.
    const returned = await executeMultiRow<{ id: string; group_id: string; person_id: string }>(
      this.db,
      'enqueue card invites',
      enqueueColumns,
      values,
      (placeholders) =>
        this.db
          .insertInto('card_invites')
          .values(placeholders as never)
          .onConflict((oc) =>
            oc
              .columns(['group_id', 'person_id'])
              .doUpdateSet((eb) =>
                Object.fromEntries(requeueColumns.map((c) => [c, eb.ref(`excluded.${c}`)])),
              )
              .where(sql<boolean>`card_invites.state not in ('queued', 'joined', 'declined')`),
          )
          .returning(['id', 'group_id', 'person_id']),
    );
    return returned.map((row) => ({ id: row.id, groupId: row.group_id, personId: row.person_id }));
  }

  async findById(id: string): Promise<CardInvite | undefined> {
    const row = await this.db.selectFrom('card_invites').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCardInvite(row);
  }

  async findByMembership(groupId: string, personId: string): Promise<CardInvite | undefined> {
    const row = await this.db
      .selectFrom('card_invites')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row && toCardInvite(row);
  }

  async listByGroup(groupId: string): Promise<CardInviteView[]> {
    const rows = await this.db
      .selectFrom('card_invites')
      .innerJoin('people', 'people.id', 'card_invites.person_id')
      .selectAll('card_invites')
      .select(['people.display_name as person_name', 'people.phone as person_phone'])
      .where('card_invites.group_id', '=', groupId)
      .orderBy('card_invites.created_at')
      .orderBy('card_invites.id')
      .execute();
    return rows.map((row) => ({
      ...toCardInvite(row),
      person: { id: row.person_id, displayName: row.person_name, phone: row.person_phone },
    }));
  }

  async listFailedOf(personId: string): Promise<Array<{ groupId: string; invitedBy: string | null }>> {
    const rows = await this.db
      .selectFrom('card_invites')
      .select(['group_id', 'invited_by'])
      .where('person_id', '=', personId)
      .where('state', '=', 'failed')
      .execute();
    return rows.map((row) => ({ groupId: row.group_id, invitedBy: row.invited_by }));
  }

  async countByState(groupId: string): Promise<Partial<Record<CardInviteState, number>>> {
    const rows = await this.db
      .selectFrom('card_invites')
      .select(['state', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('group_id', '=', groupId)
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  }

  async answer(id: string, state: 'joined' | 'declined', at: string): Promise<void> {
    await this.db
      .updateTable('card_invites')
      .set({ state, answered_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
}
