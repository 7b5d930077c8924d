import type { Kysely } from 'kysely';
import type { RoleRepository } from '../../../domain/access/role.repository';
import type { Database } from '../schema';

export class SqlRoleRepository implements RoleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async isOrgAdmin(organisationId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisation_admins')
      .select('person_id')
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addOrgAdmin(organisationId: string, personId: string): Promise<void> {
    await this.db
      .insertInto('organisation_admins')
      .values({ organisation_id: organisationId, person_id: personId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async isChamp(groupId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('champs')
      .select('person_id')
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addChamp(groupId: string, personId: string): Promise<void> {
    await this.db
      .insertInto('champs')
      .values({ group_id: groupId, person_id: personId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async removeChamp(groupId: string, personId: string): Promise<void> {
    await this.db
      .deleteFrom('champs')
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .execute();
  }

  async listChamps(groupId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('champs')
      .select('person_id')
      .where('group_id', '=', groupId)
      .execute();
    return rows.map((row) => row.person_id);
  }

  async listGroupsOfChamp(personId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('champs')
      .select('group_id')
      .where('person_id', '=', personId)
      .execute();
    return rows.map((row) => row.group_id);
  }
}
