import type { DirectoryOutcome } from '../people/person';
import type { FirstMembership, UnmatchedPeopleCriteria, UnmatchedPersonRow } from './unmatched-people';

/**
 * Reads of the people an organisation knows only by phone: everyone with a phone number and no
 * linked account who belongs (in any state) to at least one of the organisation's groups.
 */
export interface UnmatchedPeopleQueries {
  /** The next `limit` matching people after the person id `after` (ids are time-ordered), by id. */
  page(criteria: UnmatchedPeopleCriteria, after: string | null, limit: number): Promise<UnmatchedPersonRow[]>;
  count(criteria: UnmatchedPeopleCriteria): Promise<number>;
  /** Of these person ids, those that still match (a selection checked against the organisation). */
  matchingIds(criteria: UnmatchedPeopleCriteria, personIds: readonly string[]): Promise<UnmatchedPersonRow[]>;
  firstMemberships(organisationId: string, personIds: readonly string[]): Promise<FirstMembership[]>;
  /** Records the outcome of a lookup for those of these people who still have no linked account. */
  recordLookup(personIds: readonly string[], outcome: DirectoryOutcome, at: string): Promise<void>;
}
