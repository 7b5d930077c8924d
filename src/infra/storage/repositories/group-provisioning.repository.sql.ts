import type { Kysely, Selectable } from 'kysely';
import type {
  GroupProvisioning,
  GroupProvisioningRepository,
} from '../../../domain/provisioning/group-provisioning';
import type { Database, GroupProvisioningTable } from '../schema';
import { inLists } from './in-lists';

const toRecord = (row: Selectable<GroupProvisioningTable>): GroupProvisioning => ({
  groupId: row.group_id,
  jobId: row.job_id,
  state: row.state as GroupProvisioning['state'],
  target: row.target as GroupProvisioning['target'],
  entraGroupId: row.entra_group_id,
  teamId: row.team_id,
  teamUrl: row.team_url,
  membersAdded: row.members_added === null ? null : Number(row.members_added),
  lastError: row.last_error,
  failureReason: row.failure_reason,
  requestedAt: row.requested_at,
  updatedAt: row.updated_at,
});

const toRow = (record: GroupProvisioning) => ({
  group_id: record.groupId,
  job_id: record.jobId,
  state: record.state,
  target: record.target,
  entra_group_id: record.entraGroupId,
  team_id: record.teamId,
  team_url: record.teamUrl,
  members_added: record.membersAdded,
  last_error: record.lastError,
  failure_reason: record.failureReason,
  requested_at: record.requestedAt,
  updated_at: record.updatedAt,
});

/** One provisioning row per mapped group, replaced as the job moves on. */
export class SqlGroupProvisioningRepository implements GroupProvisioningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(groupId: string): Promise<GroupProvisioning | undefined> {
    const row = await this.db
      .selectFrom('group_provisioning')
      .selectAll()
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async statesOf(groupIds: string[]): Promise<Map<string, GroupProvisioning['state']>> {
    const states = new Map<string, GroupProvisioning['state']>();
    for (const part of inLists(groupIds)) {
      const rows = await this.db
        .selectFrom('group_provisioning')
        .select(['group_id', 'state'])
        .where('group_id', 'in', part)
        .execute();
      for (const row of rows) states.set(row.group_id, row.state as GroupProvisioning['state']);
    }
    return states;
  }

  async save(record: GroupProvisioning): Promise<void> {
    const values = toRow(record);
    const { group_id: _key, ...changes } = values;
    await this.db
      .insertInto('group_provisioning')
      .values(values)
      .onConflict((oc) => oc.column('group_id').doUpdateSet(changes))
      .execute();
  }

  async saveIfState(
    record: GroupProvisioning,
    expected: GroupProvisioning['state'] | null,
  ): Promise<boolean> {
    const values = toRow(record);
    // Of two transactions at once, the second waits for the first's row and then finds it changed.
    if (expected === null) {
      const inserted = await this.db
        .insertInto('group_provisioning')
        .values(values)
        .onConflict((oc) => oc.column('group_id').doNothing())
        .returning('group_id')
        .execute();
      return inserted.length > 0;
    }
    const { group_id: _key, ...changes } = values;
    const updated = await this.db
      .updateTable('group_provisioning')
      .set(changes)
      .where('group_id', '=', record.groupId)
      .where('state', '=', expected)
      .returning('group_id')
      .execute();
    return updated.length > 0;
  }

  async markSyncPending(groupIds: string[]): Promise<string[]> {
    const marked: string[] = [];
    // A conditional update decides: of two transactions marking at once, one gets the group.
    for (const part of inLists(groupIds)) {
      const rows = await this.db
        .updateTable('group_provisioning')
        .set({ sync_pending: 1 })
        .where('group_id', 'in', part)
        .where('state', '<>', 'failed')
        .where('sync_pending', '=', 0)
        .returning(['group_id', 'state'])
        .execute();
      marked.push(...rows.filter((row) => row.state === 'provisioned').map((row) => row.group_id));
    }
    return marked;
  }

  async markSyncPendingForPerson(personId: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('group_provisioning')
      .set({ sync_pending: 1 })
      .where('group_id', 'in', (eb) =>
        eb
          .selectFrom('memberships')
          .select('memberships.group_id')
          .where('memberships.person_id', '=', personId)
          .where('memberships.state', '<>', 'declined'),
      )
      .where('state', '<>', 'failed')
      .where('sync_pending', '=', 0)
      .returning(['group_id', 'state'])
      .execute();
    return rows.filter((row) => row.state === 'provisioned').map((row) => row.group_id);
  }

  async isSyncPending(groupId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('group_provisioning')
      .select('sync_pending')
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return Number(row?.sync_pending ?? 0) === 1;
  }

  async clearSyncPending(groupId: string): Promise<void> {
    await this.db
      .updateTable('group_provisioning')
      .set({ sync_pending: 0 })
      .where('group_id', '=', groupId)
      .execute();
  }
}
