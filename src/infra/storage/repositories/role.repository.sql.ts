import { type Kysely, PostgresAdapter } from 'kysely';
import type { ChampOfGroup, RoleRepository } from '../../../domain/access/role.repository';
import {
  ORG_ADMIN_CLAIMS,
  type OrgAdminClaim,
  type OrgAdminGrant,
  type OrgAdminGrantSource,
  type OrgAdminRecord,
} from '../../../domain/organisations/org-admin';
import type { Database } from '../schema';
import { inLists } from './in-lists';

/** Claims are stored comma-separated in a fixed order, so equal sets compare equal as text. */
const claimsText = (claims: readonly OrgAdminClaim[]): string =>
  ORG_ADMIN_CLAIMS.filter((claim) => claims.includes(claim)).join(',');
const claimsOf = (text: string): OrgAdminClaim[] =>
  text
    .split(',')
    .filter((claim): claim is OrgAdminClaim => ORG_ADMIN_CLAIMS.includes(claim as OrgAdminClaim));

export class SqlRoleRepository implements RoleRepository {
  private readonly postgres: boolean;
  constructor(private readonly db: Kysely<Database>) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async isOrgAdmin(organisationId: string, personId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisation_admins')
      .select('person_id')
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .unionAll(
        this.db
          .selectFrom('organisation_admin_claims')
          .select('person_id')
          .where('organisation_id', '=', organisationId)
          .where('person_id', '=', personId),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  async addOrgAdmin(
    organisationId: string,
    personId: string,
    grant: OrgAdminGrant = { source: 'unrecorded', grantedBy: null, grantedAt: null },
  ): Promise<void> {
    await this.db
      .insertInto('organisation_admins')
      .values({
        organisation_id: organisationId,
        person_id: personId,
        source: grant.source,
        granted_by: grant.grantedBy,
        granted_at: grant.grantedAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async findOrgAdminGrant(organisationId: string, personId: string): Promise<OrgAdminGrant | undefined> {
    const row = await this.db
      .selectFrom('organisation_admins')
      .select(['source', 'granted_by', 'granted_at'])
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row && grantOf(row);
  }

  async removeOrgAdminUnlessLast(organisationId: string, personId: string): Promise<boolean> {
    // PostgreSQL: two removals at once would each see the other's admin still there; the row lock
    // on the organisation makes the second wait and then see the first one's delete.
    if (this.postgres) {
      await this.db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', organisationId)
        .forUpdate()
        .execute();
    }
    const result = await this.db
      .deleteFrom('organisation_admins')
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('organisation_admins as other')
              .select('other.person_id')
              .where('other.organisation_id', '=', organisationId)
              .where('other.person_id', '<>', personId),
          ),
          eb.exists(
            eb
              .selectFrom('organisation_admin_claims as claimed')
              .select('claimed.person_id')
              .where('claimed.organisation_id', '=', organisationId),
          ),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listOrgAdmins(organisationId: string): Promise<OrgAdminRecord[]> {
    const grants = await this.db
      .selectFrom('organisation_admins')
      .select(['person_id', 'source', 'granted_by', 'granted_at'])
      .where('organisation_id', '=', organisationId)
      .execute();
    const claimed = await this.db
      .selectFrom('organisation_admin_claims')
      .select(['person_id', 'claims'])
      .where('organisation_id', '=', organisationId)
      .execute();
    const admins = new Map<string, OrgAdminRecord>();
    for (const row of grants)
      admins.set(row.person_id, { personId: row.person_id, grant: grantOf(row), claims: [] });
    for (const row of claimed) {
      const admin = admins.get(row.person_id) ?? { personId: row.person_id, grant: null, claims: [] };
      admin.claims = claimsOf(row.claims);
      admins.set(row.person_id, admin);
    }
    return [...admins.values()];
  }

  async findOrgAdminClaims(organisationId: string, personId: string): Promise<OrgAdminClaim[]> {
    const row = await this.db
      .selectFrom('organisation_admin_claims')
      .select('claims')
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? claimsOf(row.claims) : [];
  }

  async setOrgAdminClaims(
    organisationId: string,
    personId: string,
    claims: OrgAdminClaim[],
    now: Date,
  ): Promise<void> {
    if (claims.length === 0) {
      await this.db
        .deleteFrom('organisation_admin_claims')
        .where('organisation_id', '=', organisationId)
        .where('person_id', '=', personId)
        .execute();
      return;
    }
    const values = { claims: claimsText(claims), seen_at: now.toISOString() };
    await this.db
      .insertInto('organisation_admin_claims')
      .values({ organisation_id: organisationId, person_id: personId, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'person_id']).doUpdateSet(values))
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

  async listChampsOfGroups(groupIds: readonly string[]): Promise<ChampOfGroup[]> {
    const found = new Map<string, ChampOfGroup>();
    for (const ids of inLists([...groupIds])) {
      const rows = await this.db
        .selectFrom('champs')
        .innerJoin('people', 'people.id', 'champs.person_id')
        .select(['champs.group_id', 'champs.person_id', 'people.display_name', 'people.phone'])
        .where('champs.group_id', 'in', ids)
        .execute();
      for (const row of rows) {
        found.set(`${row.group_id}|${row.person_id}`, {
          groupId: row.group_id,
          personId: row.person_id,
          displayName: row.display_name,
          phone: row.phone,
        });
      }
    }
    // Named champs first, by name; those known only by phone after them.
    return [...found.values()].sort(
      (a, b) =>
        Number(a.displayName === null) - Number(b.displayName === null) ||
        (a.displayName ?? a.phone ?? '').localeCompare(b.displayName ?? b.phone ?? ''),
    );
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

function grantOf(row: {
  source: string;
  granted_by: string | null;
  granted_at: string | null;
}): OrgAdminGrant {
  return { source: row.source as OrgAdminGrantSource, grantedBy: row.granted_by, grantedAt: row.granted_at };
}
