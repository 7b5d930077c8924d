import type { Kysely } from 'kysely';

/**
 * Memberships by group and invitation state: the invite card's member count and the portal's adoption
 * counts read only this index (a count per group, never a walk through every member's row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('memberships_group_state')
    .on('memberships')
    .columns(['group_id', 'state'])
    .execute();
}
