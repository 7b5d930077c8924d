import type { CardInvite } from '../invites/card-invite';
import type { InvitationState, MembershipSource, Role } from '../memberships/membership';
import type { DirectoryOutcome } from '../people/person';
import type { PersonSearch } from '../people/person-search';

/** Most people one page of the Users list holds (the tab asks for 50). */
export const MAX_USERS_PAGE_SIZE = 200;
/** Groups named per person in the list; the rest are counted. */
export const GROUPS_PER_USER_SHOWN = 5;
/** Groups a person page lists (with what the viewer may do in each); the rest are counted. */
export const MAX_GROUPS_ON_PERSON_PAGE = 200;
/** Groups one "add to groups" or "resend invites" request may name. */
export const MAX_GROUPS_PER_CHANGE = 50;

/** Whether Convene knows the person's Microsoft 365 account, and whose tenant it is. */
export const accountStates = ['matched', 'no-account', 'external'] as const;
export type AccountState = (typeof accountStates)[number];

/**
 * Whose people the viewer may see: an org admin sees everyone in the organisation's groups; a champ
 * (`champId`) only the people of the groups they steward.
 */
export interface UsersScope {
  organisationId: string;
  organisationTenantId: string;
  defaultRegion: string;
  champId: string | null;
}

/** What the viewer asked for: a search, one group, one account state. */
export interface UsersFilter {
  search?: string;
  groupId?: string;
  account?: AccountState;
}

/** The filter ready for storage, inside the viewer's scope. */
export interface UsersCriteria extends PersonSearch {
  scope: UsersScope;
  groupId: string | null;
  account: AccountState | null;
}

/** A person as the list reads them. */
export interface UserRow {
  id: string;
  displayName: string | null;
  phone: string | null;
  email: string | null;
  employeeId: string | null;
  userPrincipalName: string | null;
  tenantId: string | null;
  aadObjectId: string | null;
  directoryCheckedAt: string | null;
  directoryOutcome: DirectoryOutcome | null;
  createdAt: string;
}

/** One of a person's groups as the list names it. */
export interface UserGroup {
  id: string;
  name: string;
  role: Role;
  state: InvitationState;
}

/** A person's groups in the viewer's scope: the first few by name, and how many in all. */
export interface UserGroups {
  personId: string;
  groups: UserGroup[];
  total: number;
}

/** One line of the Users list. */
export interface UserView {
  personId: string;
  displayName: string | null;
  phone: string | null;
  email: string | null;
  employeeId: string | null;
  userPrincipalName: string | null;
  account: AccountState;
  groups: UserGroup[];
  groupCount: number;
}

export interface UsersPage {
  users: UserView[];
  /** How many people match in all pages. */
  total: number;
  /** Pass back as `after` for the next page; null on the last. */
  nextCursor: string | null;
  /** `organisation`: everyone in the organisation's groups; `champ`: the people of the viewer's groups. */
  scope: 'organisation' | 'champ';
}

/** One membership on a person page, as storage reads it. */
export interface PersonMembershipRow {
  groupId: string;
  groupName: string;
  role: Role;
  state: InvitationState;
  source: MembershipSource;
  since: string;
  addedBy: string | null;
  cardInvite: Pick<
    CardInvite,
    'id' | 'state' | 'attempts' | 'failureCode' | 'failureReason' | 'sentAt' | 'updatedAt'
  > | null;
}

/** One membership on a person page, with what the viewer may do about it. */
export interface PersonMembershipView extends PersonMembershipRow {
  allowed: { remove: boolean; resendInvite: boolean };
}

/** The person page: who they are, their account, their groups in the viewer's scope. */
export interface PersonDetail {
  person: {
    id: string;
    displayName: string | null;
    phone: string | null;
    email: string | null;
    employeeId: string | null;
    userPrincipalName: string | null;
    createdAt: string;
  };
  account: AccountState;
  lastLookup: { at: string; outcome: DirectoryOutcome } | null;
  groups: PersonMembershipView[];
  /** All their groups in the viewer's scope (the page lists at most MAX_GROUPS_ON_PERSON_PAGE). */
  groupTotal: number;
  scope: 'organisation' | 'champ';
}

/** What happened in one group when a change was asked for several. */
export type GroupChangeOutcome =
  | { groupId: string; outcome: 'added' | 'already-member' | 'removed' | 'resent' | 'not-needed' }
  | { groupId: string; outcome: 'refused'; code: string; reason: string };
