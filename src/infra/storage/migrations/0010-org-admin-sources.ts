import type { Kysely } from 'kysely';

/**
 * Why each org admin is one. A stored grant (named in the portal, the local developer, the CLI)
 * records its source, who granted it and when; rows from before this migration say `unrecorded`.
 * Status that Entra grants (directory roles, the app role, the configured group) is re-read from
 * each verified sign-in into `organisation_admin_claims`, apart from the grants, so removing a role
 * in Entra never removes a grant made in the portal, and the portal never removes what Entra grants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisation_admins')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('unrecorded'))
    .execute();
  await db.schema.alterTable('organisation_admins').addColumn('granted_by', 'text').execute();
  await db.schema.alterTable('organisation_admins').addColumn('granted_at', 'text').execute();

  await db.schema
    .createTable('organisation_admin_claims')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('claims', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_admin_claims_pk', ['organisation_id', 'person_id'])
    .execute();
}
