import type { Kysely } from 'kysely';

/**
 * Posting an announcement in the General channel of each target group's team. The option lives on the
 * announcement; each post is its own row, keyed by announcement and group, so a restart or a second
 * instance can never post twice in one team (the row is claimed by a conditional update before the send).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('announcements')
    .addColumn('post_in_channel', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('announcement_channel_posts')
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    // queued → sending → sent | failed; back to queued with a later due time after a 429.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_channel_posts_pk', ['announcement_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('announcement_channel_posts_due')
    .on('announcement_channel_posts')
    .columns(['state', 'next_attempt_at'])
    .execute();
}
