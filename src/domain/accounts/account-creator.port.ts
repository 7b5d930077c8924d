/** An account the directory already has under a sign-in name. */
export interface ExistingAccount {
  objectId: string;
  userPrincipalName: string;
  /** As stored; compared with the number Convene would have given an account it created. */
  mobilePhone: string | null;
}

/** One account to create. `key` is Convene's person id; it comes back with the answer. */
export interface NewAccount {
  key: string;
  displayName: string;
  userPrincipalName: string;
  mailNickname: string;
  /** ISO 3166 alpha-2, from the phone's region. */
  usageLocation: string;
  /** E.164. */
  mobilePhone: string;
}

/** Why one person's step failed; the codes are the ones the report shows. */
export type AccountStepFailureCode =
  | 'UPN_TAKEN'
  | 'ACCOUNT_REFUSED'
  | 'PHONE_METHOD_REFUSED'
  | 'SMS_SIGN_IN_CONFLICT'
  | 'SMS_SIGN_IN_REFUSED'
  | 'LICENCE_GROUP_MISSING'
  | 'LICENCE_GROUP_REFUSED';

export type AccountStepResult =
  | { key: string; ok: true; objectId: string }
  | { key: string; ok: false; code: AccountStepFailureCode; message: string };

/** One thing the settings panel's Check looked at. */
export interface SettingsCheckItem {
  /** What was looked at: `permission:<name>`, `domain`, `licence-group`, `sms-sign-in-policy`, `local-mode`. */
  id: string;
  label: string;
  state: 'ok' | 'missing' | 'unknown';
  /** What was found, by code (`settingsCheckCodes`), with the values its words need; `detail` is its English. */
  code: SettingsCheckCode;
  details: Record<string, unknown>;
  detail: string;
}

/** Every finding a Check can report; the tab words each from `tab-org-admins.check.<CODE>`. */
export const settingsCheckCodes = [
  'PERMISSION_GRANTED',
  'PERMISSION_MISSING',
  'PERMISSION_UNKNOWN',
  'DOMAIN_NOT_CHOSEN',
  'DOMAIN_VERIFIED',
  'DOMAIN_NOT_VERIFIED',
  'LICENCE_GROUP_NOT_CHOSEN',
  'LICENCE_GROUP_EXISTS',
  'LICENCE_GROUP_NOT_FOUND',
  'SMS_SIGN_IN_ON',
  'SMS_SIGN_IN_OFF',
  'UNREADABLE',
  'LOCAL_MODE',
  'LOCAL_DOMAINS',
] as const;
export type SettingsCheckCode = (typeof settingsCheckCodes)[number];

/**
 * Creates Entra accounts: Graph in tenant mode, the local directory in local mode. Every call takes
 * any number of items and answers one result per item (a person's refusal is a result, not an
 * error); an error thrown means the directory could not be asked and the whole call may be repeated.
 * Each step is safe to repeat for an item it already succeeded for.
 */
export interface AccountCreator {
  /** The tenant's verified domains (lower case). */
  verifiedDomains(tenantId: string): Promise<string[]>;
  /** Whether a group exists (the licensing group). */
  groupExists(tenantId: string, groupId: string): Promise<boolean>;
  /** What can be verified of the permissions and settings account creation needs. */
  check(
    tenantId: string,
    settings: { domain: string; licenceGroupId: string | null },
  ): Promise<SettingsCheckItem[]>;
  /** Accounts holding these sign-in names (keys lower case); names nobody holds are absent. */
  findAccounts(
    tenantId: string,
    userPrincipalNames: readonly string[],
  ): Promise<Map<string, ExistingAccount>>;
  createAccounts(tenantId: string, accounts: readonly NewAccount[]): Promise<AccountStepResult[]>;
  /** Registers each account's number as its mobile authentication method. */
  addMobilePhones(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string; phone: string }>,
  ): Promise<AccountStepResult[]>;
  /** Turns on SMS sign-in for the mobile method. */
  enableSmsSignIn(
    tenantId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]>;
  /** Adds the accounts to the licensing group (members already in it count as added). */
  addToGroup(
    tenantId: string,
    groupId: string,
    items: ReadonlyArray<{ key: string; objectId: string }>,
  ): Promise<AccountStepResult[]>;
}
