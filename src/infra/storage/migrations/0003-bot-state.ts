import type { Kysely } from 'kysely';

/**
 * The bot's conversation and user state. `version` is the eTag: every write bumps it, and a write
 * that names an older version is refused, so two turns never silently overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bot_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
