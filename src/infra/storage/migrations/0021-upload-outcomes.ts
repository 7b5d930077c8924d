import type { Kysely } from 'kysely';

/**
 * What applying an upload did to each row: one entry per person or group touched (added, role changed,
 * already there, removed, group created, parent set, failed), written in the apply step's transaction so
 * the job log and the changes commit together. Also the groups a checked file would create, so the check
 * step can name them before anything is applied.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_outcomes')
    .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id'))
    // The plan row's number in the whole upload, and 0 for a group the row created, 1 for the row itself.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('parent_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('person_name', 'text')
    .addColumn('role', 'text')
    .addColumn('code', 'text')
    .addColumn('message', 'text')
    // Lower-case group, parent, name and phone digits, for the log's search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    // The key makes a step's entries idempotent, as upload_log's key does for its entries.
    .addPrimaryKeyConstraint('upload_outcomes_pk', ['upload_id', 'seq', 'part'])
    .execute();
  await db.schema
    .createIndex('upload_outcomes_by_outcome')
    .on('upload_outcomes')
    .columns(['upload_id', 'outcome', 'seq'])
    .execute();
  await db.schema.alterTable('uploads').addColumn('groups_to_create', 'text').execute();
}
