/** A Microsoft 365 (Entra) user as the directory knows them. */
export interface DirectoryUser {
  tenantId: string;
  aadObjectId: string;
  displayName: string | null;
  userPrincipalName: string | null;
}

/**
 * What Convene knows about someone without a linked account, to find the account they may already
 * have. `key` is the caller's (a person's id); absent identifiers are null. The phone is E.164, the
 * e-mail lower case.
 */
export interface DirectoryQuery {
  key: string;
  phone: string | null;
  email: string | null;
  employeeId: string | null;
}

/** The account field that matched: the phone fields, the e-mail (as mail or sign-in name), the employee id. */
export type DirectoryField = 'mobilePhone' | 'businessPhones' | 'mail' | 'userPrincipalName' | 'employeeId';

/** The account found for a query, and by which of its fields. */
export interface DirectoryMatch {
  user: DirectoryUser;
  field: DirectoryField;
}

/** What Convene needs to create or update a group's home in the tenant. */
export interface TenantGroupSpec {
  tenantId: string;
  /** Convene's id for the group (makes the Microsoft 365 group's mail nickname unique and stable). */
  groupId: string;
  name: string;
  description: string;
  /** Entra object ids of the group's admins (the team's owners). */
  ownerIds: string[];
  /** Entra object ids of the other members. */
  memberIds: string[];
  /** Set when an earlier attempt already created the group (provisioning is idempotent). */
  existingGroupId: string | null;
  /** Set when the team exists too: a later run only brings the members up to date. */
  existingTeamId: string | null;
  /** The group's photo when the tenant's group does not show it yet. */
  photo?: GroupPhotoUpload | null;
}

/** A picture to set as the Microsoft 365 group's photo. */
export interface GroupPhotoUpload {
  contentType: string;
  bytes: Uint8Array;
  /** Convene's validator of these bytes, handed back once they are set. */
  etag: string;
}

export interface ProvisionedTenantGroup {
  entraGroupId: string;
  teamId: string | null;
  /** The team's link in Teams, when this run created the team (an existing team keeps its own). */
  teamUrl: string | null;
  membersAdded: number;
  /** The etag of the photo this run set on the Microsoft 365 group, if it set one. */
  photoEtag?: string | null;
  /** Why setting the photo failed (the group and team are fine; the next sync tries again). */
  photoProblem?: string | null;
  /** Set by local mode's stand-in, which creates nothing remote (its ids are Convene's own). */
  local?: true;
}

/** Where a card can be sent to reach a Teams user in a 1:1 chat with the bot. */
export interface TeamsAddress {
  serviceUrl: string;
  conversationId: string;
}

/**
 * The organisation's directory: Entra ID through Microsoft Graph in tenant mode, the people Convene
 * already knows in local mode.
 */
export interface Directory {
  /** Finds accounts by E.164 mobile or business phone; numbers nobody has are absent from the map. */
  findUsersByPhone(tenantId: string, phones: readonly string[]): Promise<Map<string, DirectoryUser>>;
  /**
   * Finds the accounts of many people at once by every identifier they have (mobile and business
   * phones, e-mail as mail or sign-in name, employee id), batched. Keyed by the query's key; people
   * no account matches (or whose identifier two accounts share) are absent.
   */
  findPeople(tenantId: string, queries: readonly DirectoryQuery[]): Promise<Map<string, DirectoryMatch>>;
  /** Finds one account by its sign-in name or e-mail address (e.g. asha@contoso.com). */
  findUserByAccount(tenantId: string, account: string): Promise<DirectoryUser | undefined>;
  /** The account's mobile and business phones in E.164 (numbers that cannot be read are left out). */
  phonesOfUser(tenantId: string, aadObjectId: string): Promise<string[]>;
  /** Creates (or completes) the Microsoft 365 group and team for a mapped group. */
  provisionGroup(spec: TenantGroupSpec): Promise<ProvisionedTenantGroup>;
  /**
   * Makes sure the bot can message the user (installing the app for them if needed) and returns
   * the 1:1 chat; undefined when the user cannot be reached this way.
   */
  reachUser(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined>;
}
