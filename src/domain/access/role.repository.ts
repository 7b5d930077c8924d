import type { OrgAdminClaim, OrgAdminGrant, OrgAdminRecord } from '../organisations/org-admin';

/** A champ as a list shows them: their name once Convene knows it, else their phone number. */
export interface ChampOfGroup {
  groupId: string;
  personId: string;
  displayName: string | null;
  phone: string | null;
}

/** Organisation-level roles: org admins (IT) and champs (stewards of particular groups). */
export interface RoleRepository {
  /** Whether the person is an org admin for any reason: a stored grant or Entra claims last seen. */
  isOrgAdmin(organisationId: string, personId: string): Promise<boolean>;
  /** Stores a grant (a person already granted keeps their first grant). */
  addOrgAdmin(organisationId: string, personId: string, grant?: OrgAdminGrant): Promise<void>;
  findOrgAdminGrant(organisationId: string, personId: string): Promise<OrgAdminGrant | undefined>;
  /**
   * Removes a stored grant unless nobody else would be left an org admin; false when refused or
   * absent. One conditional write (on PostgreSQL under a lock on the organisation), so two removals
   * at once cannot leave the organisation without an admin.
   */
  removeOrgAdminUnlessLast(organisationId: string, personId: string): Promise<boolean>;
  /** Every org admin of the organisation, each with their grant and claims. */
  listOrgAdmins(organisationId: string): Promise<OrgAdminRecord[]>;
  /** The Entra claims recorded at the person's latest verified sign-in (empty: none). */
  findOrgAdminClaims(organisationId: string, personId: string): Promise<OrgAdminClaim[]>;
  /** Records the claims of a verified sign-in; an empty list removes the record. */
  setOrgAdminClaims(
    organisationId: string,
    personId: string,
    claims: OrgAdminClaim[],
    now: Date,
  ): Promise<void>;
  isChamp(groupId: string, personId: string): Promise<boolean>;
  addChamp(groupId: string, personId: string): Promise<void>;
  removeChamp(groupId: string, personId: string): Promise<void>;
  listChamps(groupId: string): Promise<string[]>;
  /** The champs of many groups at once, by name where known (the portal's lists show them at a glance). */
  listChampsOfGroups(groupIds: readonly string[]): Promise<ChampOfGroup[]>;
  /** The groups a person stewards as a champ. */
  listGroupsOfChamp(personId: string): Promise<string[]>;
}
