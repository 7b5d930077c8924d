import type { Kysely } from 'kysely';

/**
 * Creating Entra accounts for people known only by phone: each organisation's settings (off until an
 * org admin turns them on), one progress row per person of a creation job (so a job that dies resumes
 * without creating anyone twice), and local mode's stand-in accounts (the local directory's own).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_creation_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('upn_pattern', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('licence_group_id', 'text')
    .addColumn('usage_location_fallback', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_creation_people')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('upn_base', 'text', (c) => c.notNull())
    .addColumn('suffix', 'integer', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('usage_location', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('sending', 'integer', (c) => c.notNull())
    .addColumn('phone_method', 'integer', (c) => c.notNull())
    .addColumn('sms_sign_in', 'integer', (c) => c.notNull())
    .addColumn('licence_group', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_creation_people_pk', ['job_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('account_creation_people_job_seq')
    .on('account_creation_people')
    .columns(['job_id', 'seq'])
    .execute();
  await db.schema
    .createTable('local_accounts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('user_principal_name', 'text', (c) => c.notNull())
    .addColumn('upn_key', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('mobile_phone', 'text', (c) => c.notNull())
    .addColumn('phone_method', 'integer', (c) => c.notNull())
    .addColumn('sms_sign_in', 'integer', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('local_accounts_pk', ['tenant_id', 'object_id'])
    .execute();
  await db.schema
    .createIndex('local_accounts_upn')
    .unique()
    .on('local_accounts')
    .columns(['tenant_id', 'upn_key'])
    .execute();
}
