import type { Kysely } from 'kysely';

/**
 * Where each mapped group stands in the tenant: its Microsoft 365 group and team once provisioned,
 * or why provisioning failed. One row per group; the work itself is a durable job in `jobs`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_provisioning')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id'))
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('entra_group_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('members_added', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
