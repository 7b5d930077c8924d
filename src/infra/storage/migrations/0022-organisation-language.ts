import type { Kysely } from 'kysely';

/**
 * The language an organisation's posters, onboarding slips and rollout kit print in unless whoever
 * downloads them picks another (org admins change it). English until then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
}
