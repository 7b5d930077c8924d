import type { Kysely } from 'kysely';

/** Org admins' own rollout resources (the bytes live under DATA_DIR; the rows say whose they are). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollout_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    // One copy of a file per organisation: a second upload of the same bytes is refused, not duplicated.
    .addUniqueConstraint('rollout_resources_unique_file', ['organisation_id', 'sha256'])
    .execute();
  await db.schema
    .createIndex('rollout_resources_organisation')
    .on('rollout_resources')
    .columns(['organisation_id', 'uploaded_at'])
    .execute();
}
