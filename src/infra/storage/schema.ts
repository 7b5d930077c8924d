/**
 * Table shapes as Kysely sees them. Time stamps are ISO-8601 UTC text and flags are 0/1 integers on
 * both SQLite and PostgreSQL, so one set of repositories serves both dialects unchanged.
 */
import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: string;
  tenant_id: string;
  display_name: string;
  default_region: string;
  created_at: string;
  /** Posters', slips' and the kit's language unless a download asks for another (migration 0022). */
  language: Generated<string>;
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
  /** Memberships in each invitation state, kept by triggers (migration 0016). */
  invited_count: Generated<number>;
  joined_count: Generated<number>;
  declined_count: Generated<number>;
}

export interface PeopleTable {
  id: string;
  phone: string | null;
  tenant_id: string | null;
  aad_object_id: string | null;
  display_name: string | null;
  created_at: string;
  email: string | null;
  employee_id: string | null;
  user_principal_name: string | null;
  directory_checked_at: string | null;
  directory_outcome: string | null;
  /** The phone's region (ISO 3166 alpha-2), kept with the number by the repositories that write it. */
  phone_region: Generated<string | null>;
  /** The language the person's Teams last spoke to the bot in (`en`, `hi`, `ar`); null: not heard from. */
  locale: Generated<string | null>;
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
  approval_required: Generated<number>;
  standing: Generated<number>;
}

export interface JoinRequestsTable {
  id: string;
  group_id: string;
  link_id: string;
  display_name: string;
  phone: string | null;
  person_id: string | null;
  requester_key: string | null;
  state: string;
  created_at: string;
  expires_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface OrganisationAdminsTable {
  organisation_id: string;
  person_id: string;
  source: Generated<string>;
  granted_by: string | null;
  granted_at: string | null;
}

export interface OrganisationAdminClaimsTable {
  organisation_id: string;
  person_id: string;
  /** The Entra claims that make the person an org admin, comma-separated. */
  claims: string;
  seen_at: string;
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

export interface CardInvitesTable {
  id: string;
  group_id: string;
  person_id: string;
  invited_by: string | null;
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  sending_since: string | null;
  target_tenant_id: string | null;
  target_aad_object_id: string | null;
  conversation_id: string | null;
  activity_id: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  answered_at: string | null;
}

export interface AnnouncementsTable {
  id: string;
  organisation_id: string | null;
  audience_kind: string;
  audience_group_id: string | null;
  title: string;
  body: string;
  image_path: string | null;
  image_type: string | null;
  link_url: string | null;
  link_label: string | null;
  acknowledge: number;
  state: string;
  send_at: string;
  time_zone: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  audience_count: number | null;
  reminded_at: string | null;
  /** 1: also post in the General channel of each target group that has a team (0025). */
  post_in_channel: Generated<number>;
}

/** One announcement's post in one group's team's General channel (0025); at most one per group. */
export interface AnnouncementChannelPostsTable {
  announcement_id: string;
  group_id: string;
  team_id: string;
  /** queued, sending, sent or failed. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  activity_id: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnnouncementDeliveriesTable {
  id: string;
  announcement_id: string;
  person_id: string;
  group_id: string;
  state: string;
  reminder: number;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  sending_since: string | null;
  target_tenant_id: string | null;
  target_aad_object_id: string | null;
  conversation_id: string | null;
  activity_id: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  read_at: string | null;
  acknowledged_at: string | null;
}

export interface TeamsAddressesTable {
  tenant_id: string;
  aad_object_id: string;
  service_url: string;
  conversation_id: string;
  bot_id: string | null;
  updated_at: string;
}

/** One botbuilder state document; `version` is its eTag. */
export interface BotStateTable {
  key: string;
  version: number;
  document: string;
  updated_at: string;
}

export interface RolloutResourcesTable {
  id: string;
  organisation_id: string;
  title: string;
  file_name: string;
  type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  checkpoint: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface UploadsTable {
  id: string;
  organisation_id: string;
  kind: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_at: string;
  default_region: string;
  status: string;
  header: string;
  rows_total: number;
  rows_valid: number;
  rows_invalid: number;
  rows_done: number;
  error_count: number;
  warning_count: number;
  counts: string;
  valid_rows_only: number;
  companion_upload_id: string | null;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** JSON `{ count, names }`: the groups applying the file would create (0021). */
  groups_to_create: string | null;
}

/** What applying an upload did to one row (0021). */
export interface UploadOutcomesTable {
  upload_id: string;
  seq: number;
  part: number;
  line: number | null;
  outcome: string;
  group_name: string;
  parent_name: string | null;
  phone: string | null;
  person_name: string | null;
  role: string | null;
  code: string | null;
  message: string | null;
  search_text: string;
}

export interface UploadLogTable {
  upload_id: string;
  phase: string;
  seq: number;
  at: string;
  line: number | null;
  column_name: string | null;
  code: string;
  severity: string;
  message: string;
  details: string | null;
  cells: string | null;
}

/** A mapped group's Microsoft 365 group and team, or why it could not be created. */
export interface GroupProvisioningTable {
  group_id: string;
  job_id: string;
  state: string;
  target: string | null;
  entra_group_id: string | null;
  team_id: string | null;
  /** Opens the team in Teams (Graph's team.webUrl). */
  team_url: string | null;
  members_added: number | null;
  last_error: string | null;
  failure_reason: string | null;
  requested_at: string;
  updated_at: string;
  /** 1 while a member sync job is queued and has not read its spec yet. */
  sync_pending: Generated<number>;
}

/** An organisation's settings for creating Entra accounts (absent: off). */
export interface AccountCreationSettingsTable {
  organisation_id: string;
  enabled: number;
  upn_pattern: string;
  domain: string;
  licence_group_id: string | null;
  usage_location_fallback: string;
  updated_by: string | null;
  updated_at: string;
}

/** One person of an account creation job: what was planned, which steps are done, how it ended. */
export interface AccountCreationPeopleTable {
  job_id: string;
  person_id: string;
  seq: number;
  display_name: string;
  upn_base: string;
  suffix: number;
  phone: string;
  usage_location: string;
  object_id: string | null;
  /** 1 while a create request may have reached the directory without its answer being recorded. */
  sending: number;
  phone_method: number;
  sms_sign_in: number;
  licence_group: number;
  outcome: string | null;
  reason_code: string | null;
  reason: string | null;
  updated_at: string;
}

/** Local mode's stand-in Entra accounts created by Convene (the local directory's own). */
export interface LocalAccountsTable {
  tenant_id: string;
  object_id: string;
  user_principal_name: string;
  upn_key: string;
  display_name: string;
  mobile_phone: string;
  phone_method: number;
  sms_sign_in: number;
  /** JSON array of the group ids the account was added to. */
  groups: string;
  created_at: string;
}

/** A group's picture (0019): the resized JPEG itself, and the version the tenant's group shows. */
export interface GroupPhotosTable {
  group_id: string;
  content_type: string;
  bytes: Uint8Array;
  etag: string;
  updated_by: string;
  updated_at: string;
  tenant_etag: string | null;
}

/** An announcement's picture (0024), re-encoded; its id is the secret part of its public address. */
export interface AnnouncementImagesTable {
  id: string;
  content_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_by: string;
  created_at: string;
}

export interface Database {
  organisations: OrganisationsTable;
  groups: GroupsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  invite_links: InviteLinksTable;
  organisation_admins: OrganisationAdminsTable;
  organisation_admin_claims: OrganisationAdminClaimsTable;
  champs: ChampsTable;
  audit_entries: AuditEntriesTable;
  bot_state: BotStateTable;
  card_invites: CardInvitesTable;
  announcements: AnnouncementsTable;
  announcement_deliveries: AnnouncementDeliveriesTable;
  teams_addresses: TeamsAddressesTable;
  rollout_resources: RolloutResourcesTable;
  jobs: JobsTable;
  group_provisioning: GroupProvisioningTable;
  uploads: UploadsTable;
  upload_log: UploadLogTable;
  upload_outcomes: UploadOutcomesTable;
  join_requests: JoinRequestsTable;
  account_creation_settings: AccountCreationSettingsTable;
  account_creation_people: AccountCreationPeopleTable;
  local_accounts: LocalAccountsTable;
  group_photos: GroupPhotosTable;
  announcement_images: AnnouncementImagesTable;
  announcement_channel_posts: AnnouncementChannelPostsTable;
}
