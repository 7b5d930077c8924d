import type { Kysely } from 'kysely';

/**
 * Announcements: what a champ, group admin or org admin tells a group, its sub-groups or the whole
 * organisation. The announcement row is its own schedule: starting it is one conditional update from
 * `scheduled` to `sending`, committed with its audience, so it starts once whatever the number of
 * instances. Each person's copy is a row of `announcement_deliveries`, queued, leased and paced like an
 * invite card (same columns, same meaning), plus what the person did with it (read, acknowledged).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    // 'group' | 'group-tree' | 'organisation'
    .addColumn('audience_kind', 'text', (c) => c.notNull())
    .addColumn('audience_group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('image_path', 'text')
    .addColumn('image_type', 'text')
    .addColumn('link_url', 'text')
    .addColumn('link_label', 'text')
    .addColumn('acknowledge', 'integer', (c) => c.notNull().defaultTo(0))
    // 'scheduled' | 'sending' | 'cancelled'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('audience_count', 'integer')
    .addColumn('reminded_at', 'text')
    .execute();
  await db.schema
    .createIndex('announcements_due')
    .on('announcements')
    .columns(['state', 'send_at'])
    .execute();
  await db.schema
    .createIndex('announcements_group')
    .on('announcements')
    .columns(['audience_group_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('announcements_organisation')
    .on('announcements')
    .columns(['organisation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('announcement_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // The group through which the person was reached (the first in the hierarchy), for the per-group report.
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reminder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('sending_since', 'text')
    .addColumn('target_tenant_id', 'text')
    .addColumn('target_aad_object_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .addColumn('acknowledged_at', 'text')
    // Each person once per announcement, whatever the number of groups they are reached through.
    .addUniqueConstraint('announcement_deliveries_person', ['announcement_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('announcement_deliveries_due')
    .on('announcement_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  // Read receipts name a chat, not a message's owner.
  await db.schema
    .createIndex('announcement_deliveries_chat')
    .on('announcement_deliveries')
    .columns(['conversation_id', 'read_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('announcement_deliveries').execute();
  await db.schema.dropTable('announcements').execute();
}
