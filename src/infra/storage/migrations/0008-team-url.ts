import type { Kysely } from 'kysely';

/** The link that opens a provisioned group's team in Teams (Graph's `team.webUrl`), for "Open in Teams". */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('group_provisioning').addColumn('team_url', 'text').execute();
}
