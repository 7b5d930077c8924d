import type { Kysely, Selectable } from 'kysely';
import type { Organisation } from '../../../domain/organisations/organisation';
import type { OrganisationRepository } from '../../../domain/organisations/organisation.repository';
import { type Locale, localeFrom } from '../../../i18n/locales';
import type { Database, OrganisationsTable } from '../schema';

const toOrganisation = (row: Selectable<OrganisationsTable>): Organisation => ({
  id: row.id,
  tenantId: row.tenant_id,
  displayName: row.display_name,
  defaultRegion: row.default_region,
  createdAt: row.created_at,
  language: localeFrom(row.language),
});

export class SqlOrganisationRepository implements OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Organisation | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganisation(row);
  }

  async findByTenantId(tenantId: string): Promise<Organisation | undefined> {
    const row = await this.db
      .selectFrom('organisations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return row && toOrganisation(row);
  }

  async insert(o: Organisation): Promise<void> {
    await this.db
      .insertInto('organisations')
      .values({
        id: o.id,
        tenant_id: o.tenantId,
        display_name: o.displayName,
        default_region: o.defaultRegion,
        created_at: o.createdAt,
        ...(o.language ? { language: o.language } : {}),
      })
      .execute();
  }

  async setLanguage(id: string, language: Locale): Promise<void> {
    await this.db.updateTable('organisations').set({ language }).where('id', '=', id).execute();
  }
}
