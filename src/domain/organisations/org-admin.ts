/**
 * Why someone is an org admin. Claims are what Entra says in the person's verified sign-in token
 * (re-read on every verified request, managed in Entra); grants are stored by Convene.
 */
export type OrgAdminClaim = 'global-administrator' | 'teams-administrator' | 'app-role' | 'entra-group';
export type OrgAdminGrantSource = 'portal' | 'local-developer' | 'cli' | 'unrecorded';

/** Every way a grant is made: each has its words in the catalogue (`tab-org-admins.reason.<source>`). */
export const ORG_ADMIN_GRANT_SOURCES: readonly OrgAdminGrantSource[] = [
  'portal',
  'local-developer',
  'cli',
  'unrecorded',
];

/** The claims in the order they are shown. */
export const ORG_ADMIN_CLAIMS: readonly OrgAdminClaim[] = [
  'global-administrator',
  'teams-administrator',
  'app-role',
  'entra-group',
];

/** A stored grant: how it was made, by whom (a person id) and when. */
export interface OrgAdminGrant {
  source: OrgAdminGrantSource;
  grantedBy: string | null;
  grantedAt: string | null;
}

/** One org admin of an organisation, with every reason they are one. */
export interface OrgAdminRecord {
  personId: string;
  grant: OrgAdminGrant | null;
  claims: OrgAdminClaim[];
}

/**
 * The English words for one reason, kept in the API for programs and the command line; the tab words
 * a reason by its `source` (and `grantedBy`) from the catalogue.
 */
export function orgAdminReason(
  reason: OrgAdminClaim | OrgAdminGrantSource,
  grantedByName: string | null = null,
): string {
  switch (reason) {
    case 'global-administrator':
      return 'Global Administrator in Microsoft Entra';
    case 'teams-administrator':
      return 'Teams Administrator in Microsoft Entra';
    case 'app-role':
      return 'Convene.OrgAdmin app role in Microsoft Entra';
    case 'entra-group':
      return 'Member of the org admins group in Microsoft Entra';
    case 'portal':
      return grantedByName ? `Named in the portal by ${grantedByName}` : 'Named in the portal';
    case 'local-developer':
      return 'Local developer';
    case 'cli':
      return 'Named with the command line';
    case 'unrecorded':
      return 'Named before Convene recorded why';
  }
}
