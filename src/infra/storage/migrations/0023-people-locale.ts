import type { Kysely } from 'kysely';

/**
 * The language each person's Teams last spoke to the bot in, so cards Convene sends them unprompted
 * (invites) are in that language. Null until Convene hears from them: those cards are in English.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('locale', 'text').execute();
}
