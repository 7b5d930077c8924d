import type { Kysely } from 'kysely';

/**
 * What else identifies a person besides a phone number (an e-mail or sign-in name and an employee id an
 * admin gave, the account's sign-in name once known), and the outcome of the last directory lookup for
 * people known only by phone, so that org admins can see who has no account yet and since when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('email', 'text').execute();
  await db.schema.alterTable('people').addColumn('employee_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('user_principal_name', 'text').execute();
  await db.schema.alterTable('people').addColumn('directory_checked_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('directory_outcome', 'text').execute();
  await db.schema.createIndex('people_email').on('people').column('email').execute();
  await db.schema.createIndex('people_employee_id').on('people').column('employee_id').execute();
  await db.schema
    .createIndex('people_directory_outcome')
    .on('people')
    .columns(['directory_outcome', 'directory_checked_at'])
    .execute();
}
