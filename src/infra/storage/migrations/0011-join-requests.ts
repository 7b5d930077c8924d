import type { Kysely } from 'kysely';

/**
 * Join requests (people without a work account ask a group's admins to let them in), and two invite
 * link settings: `approval_required` turns every join by the link into a request, and `standing` marks
 * the one link per group that posters, templates and the slideshow share (its token is derived, not
 * stored: see docs/join-requests.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('link_id', 'text', (c) => c.notNull().references('invite_links.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('requester_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('join_requests_group_state')
    .on('join_requests')
    .columns(['group_id', 'state'])
    .execute();
  await db.schema
    .createIndex('join_requests_link_created')
    .on('join_requests')
    .columns(['link_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('join_requests_requester_created')
    .on('join_requests')
    .columns(['requester_key', 'created_at'])
    .execute();
  await db.schema
    .createIndex('join_requests_phone_state')
    .on('join_requests')
    .columns(['phone', 'state'])
    .execute();
  await db.schema
    .alterTable('invite_links')
    .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('invite_links')
    .addColumn('standing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
