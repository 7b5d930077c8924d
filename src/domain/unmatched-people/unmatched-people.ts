import type { MembershipSource } from '../memberships/membership';
import type { DirectoryOutcome } from '../people/person';
import type { PersonSearch } from '../people/person-search';
import type { Region } from '../people/phone-number';

/** Most people one page of the list holds (the tab asks for 50). */
export const MAX_PAGE_SIZE = 200;
/** Groups named per person; the rest are counted. */
export const GROUPS_SHOWN = 5;
export { MAX_SEARCH_LENGTH } from '../people/person-search';

/**
 * Which people without an account an org admin is looking at: text found in a name, e-mail or
 * employee id, or a phone number in any format; one group; the region of their phone number.
 */
export interface UnmatchedPeopleFilter {
  search?: string;
  groupId?: string;
  region?: string;
}

/**
 * The filter ready for storage. `phone` is the search read as a number in the organisation's default
 * region (E.164), `digits` its digits for a partial number ("54401"), `text` lower case for names.
 */
export interface UnmatchedPeopleCriteria extends PersonSearch {
  organisationId: string;
  groupId: string | null;
  /** The phone's region as libphonenumber reads it ("+1 416 …" is CA, not US). */
  region: Region | null;
}

/** A person known by phone who has no linked account, as the port reads them. */
export interface UnmatchedPersonRow {
  id: string;
  phone: string;
  displayName: string | null;
  email: string | null;
  employeeId: string | null;
  createdAt: string;
  directoryCheckedAt: string | null;
  directoryOutcome: DirectoryOutcome | null;
}

/** The first of a person's memberships in the organisation: since when, by whom and how. */
export interface FirstMembership {
  personId: string;
  createdAt: string;
  source: MembershipSource;
  addedBy: { personId: string; name: string } | null;
}

/** One line of the People without an account list. */
export interface UnmatchedPersonView {
  personId: string;
  displayName: string | null;
  phone: string;
  /** The phone's region as libphonenumber reads it (null for numbers no region claims). */
  region: Region | null;
  email: string | null;
  employeeId: string | null;
  groups: Array<{ id: string; name: string }>;
  groupCount: number;
  addedBy: { personId: string; name: string } | null;
  /** How they were added to their first group: portal or bot (`manual`), `bulk` upload, join `request`… */
  addedThrough: MembershipSource | null;
  /** Their first membership in the organisation's groups (else when Convene first heard of them). */
  since: string;
  lastLookup: { at: string; outcome: DirectoryOutcome } | null;
}

export interface UnmatchedPeoplePage {
  people: UnmatchedPersonView[];
  /** How many people match the filter in all pages. */
  total: number;
  /** Pass back as `after` for the next page; null on the last. */
  nextCursor: string | null;
}
