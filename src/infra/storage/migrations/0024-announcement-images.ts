import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Announcements' pictures, re-encoded (so no uploaded byte is ever served as it came). The bytes live
 * in the row, as group photos do, so every instance serves the same picture. The id is the unguessable
 * part of the public address Teams fetches the picture from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('announcement_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', binary, (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
