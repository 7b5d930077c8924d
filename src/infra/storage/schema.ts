/**
 * Table shapes as Kysely sees them. Time stamps are ISO-8601 UTC text and flags are 0/1 integers on
 * both SQLite and PostgreSQL, so one set of repositories serves both dialects unchanged.
 */
export interface OrganisationsTable {
  id: string;
  tenant_id: string;
  display_name: string;
  default_region: string;
  created_at: string;
}

export interface GroupsTable {
  id: string;
  name: string;
  name_key: string;
  scope_key: string;
  parent_id: string | null;
  organisation_id: string | null;
  created_by: string;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  phone: string | null;
  tenant_id: string | null;
  aad_object_id: string | null;
  display_name: string | null;
  created_at: string;
}

export interface MembershipsTable {
  group_id: string;
  person_id: string;
  role: string;
  source: string;
  state: string;
  invited_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InviteLinksTable {
  id: string;
  group_id: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
  organisation_accounts_only: number;
}

export interface OrganisationAdminsTable {
  organisation_id: string;
  person_id: string;
}

export interface ChampsTable {
  group_id: string;
  person_id: string;
}

export interface AuditEntriesTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  group_id: string | null;
  job_id: string | null;
  details: string;
}

export interface Database {
  organisations: OrganisationsTable;
  groups: GroupsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  invite_links: InviteLinksTable;
  organisation_admins: OrganisationAdminsTable;
  champs: ChampsTable;
  audit_entries: AuditEntriesTable;
}
