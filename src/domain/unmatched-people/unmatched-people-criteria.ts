import type { Organisation } from '../organisations/organisation';
import { readPersonSearch } from '../people/person-search';
import { parseRegion } from '../people/phone-number';
import type { UnmatchedPeopleCriteria, UnmatchedPeopleFilter } from './unmatched-people';
import { UnmatchedPeopleFilterInvalid } from './unmatched-people.errors';

/**
 * Reads an org admin's filter for storage. The search is tried as a whole phone number in the
 * organisation's default region ("099885 54401", "+91 99885 54401" and "9988554401" all find the same
 * person), as digits of a partial number, and as text in names, e-mail addresses and employee ids.
 */
export function unmatchedPeopleCriteria(
  organisation: Organisation,
  filter: UnmatchedPeopleFilter,
): UnmatchedPeopleCriteria {
  return {
    organisationId: organisation.id,
    ...readPersonSearch(
      filter.search,
      organisation.defaultRegion,
      (max) => new UnmatchedPeopleFilterInvalid('search', `at most ${max} characters`, { max }),
    ),
    groupId: filter.groupId?.trim() || null,
    region: filter.region?.trim() ? regionOf(filter.region) : null,
  };
}

function regionOf(raw: string) {
  try {
    return parseRegion(raw);
  } catch {
    throw new UnmatchedPeopleFilterInvalid('region', `"${raw.slice(0, 10)}" is not a region Convene knows`, {
      input: raw.slice(0, 10),
    });
  }
}
