import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Groups' pictures. The resized bytes (a square JPEG of some tens of kilobytes) live in the row rather
 * than under DATA_DIR: every instance behind a load balancer serves the same picture, and a picture
 * and its audit entry commit together, with no file to clean up after a failed commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('group_photos')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', binary, (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('tenant_etag', 'text')
    .execute();
}
