import type { Kysely } from 'kysely';

/**
 * A provisioned group's membership changes after it was provisioned (people join through the link,
 * are added, promoted, found in Entra): `sync_pending` marks that a sync job is queued, so a burst
 * of changes queues one job, and a change after the job read its spec queues the next.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('group_provisioning')
    .addColumn('sync_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
