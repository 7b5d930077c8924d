/**
 * How an organisation wants Convene to create Entra accounts for people known only by phone.
 * Off until an org admin turns it on; the domain must be one of the tenant's verified domains and
 * the licensing group must exist (both checked against the directory when saved).
 */
export interface AccountCreationSettings {
  enabled: boolean;
  /** The sign-in name's part before the @, e.g. `{first}.{last}` (see user-principal-name.ts). */
  upnPattern: string;
  /** A verified domain of the tenant, e.g. contoso.com. */
  domain: string;
  /** The Entra group whose group-based licensing gives new accounts their licence (F1/F3…). */
  licenceGroupId: string | null;
  /** ISO 3166 alpha-2 usage location for numbers whose region cannot be told. */
  usageLocationFallback: string;
  updatedAt: string | null;
}

export const defaultAccountCreationSettings = (usageLocationFallback: string): AccountCreationSettings => ({
  enabled: false,
  upnPattern: '{first}.{last}',
  domain: '',
  licenceGroupId: null,
  usageLocationFallback,
  updatedAt: null,
});

/** What the Graph application needs to be granted, and why (shown in the settings panel and the docs). */
export const requiredGraphPermissions: ReadonlyArray<{ permission: string; why: string }> = [
  {
    permission: 'User.ReadWrite.All',
    why: 'create the accounts (POST /users) and look sign-in names up first',
  },
  {
    permission: 'UserAuthenticationMethod.ReadWrite.All',
    why: 'register the mobile number and turn on SMS sign-in for it',
  },
  { permission: 'GroupMember.ReadWrite.All', why: 'add new accounts to the licensing group' },
  { permission: 'Domain.Read.All', why: 'check that the chosen domain is one of the verified domains' },
];

/**
 * What must be set in Microsoft Entra itself; Convene checks what Graph lets it read. Each has a code,
 * in the same order (`requiredEntraSettingCodes`), that the tab words from `tab-org-admins.entra.<CODE>`;
 * a permission's `why` is worded from `tab-org-admins.graph.<permission>`.
 */
export const requiredEntraSettingCodes = ['SMS_SIGN_IN', 'GROUP_LICENSING', 'MANAGED_DOMAIN'] as const;
export const requiredEntraSettings: readonly string[] = [
  'Authentication methods policy: SMS turned on, with "Use for sign-in" allowed for the new accounts (all users, or a group they join).',
  'Group-based licensing: the licensing group has a licence that includes Teams and allows SMS sign-in (for example Microsoft 365 F1 or F3).',
  'The domain of the sign-in names is a verified, managed (not federated) domain of the tenant.',
];
