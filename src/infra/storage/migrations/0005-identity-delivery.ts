import type { Kysely } from 'kysely';

/**
 * Card invites (a durable delivery queue) and where each Teams user can be reached (conversation
 * references learnt from activities or created through Graph).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('invited_by', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    // Set just before the request leaves and cleared with its outcome: a crash in between leaves it set.
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
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('card_invites_membership', ['group_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('card_invites_due')
    .on('card_invites')
    .columns(['state', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('teams_addresses')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('bot_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('teams_addresses_pk', ['tenant_id', 'aad_object_id'])
    .execute();
}
