import type { Organisation } from '../organisations/organisation';
import { PhoneInvalid, RegionInvalid } from '../people/phone.errors';
import { parseRegion, toE164 } from '../people/phone-number';
import {
  MAX_SEARCH_LENGTH,
  type UnmatchedPeopleCriteria,
  type UnmatchedPeopleFilter,
} from './unmatched-people';
import { UnmatchedPeopleFilterInvalid } from './unmatched-people.errors';

/** A partial number shorter than this would match most people; it is searched as text only. */
const MIN_DIGITS = 3;

/**
 * Reads an org admin's filter for storage. The search is tried as a whole phone number in the
 * organisation's default region ("099885 54401", "+91 99885 54401" and "9988554401" all find the same
 * person), as digits of a partial number, and as text in names, e-mail addresses and employee ids.
 */
export function unmatchedPeopleCriteria(
  organisation: Organisation,
  filter: UnmatchedPeopleFilter,
): UnmatchedPeopleCriteria {
  const search = filter.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH)
    throw new UnmatchedPeopleFilterInvalid('search', `at most ${MAX_SEARCH_LENGTH} characters`);
  const digits = search.replace(/\D/g, '');
  return {
    organisationId: organisation.id,
    text: search === '' ? null : search.toLowerCase(),
    phone: search === '' ? null : phoneOrNull(search, organisation),
    digits: digits.length >= MIN_DIGITS && /^[\d\s()+.-]+$/.test(search) ? digits : null,
    groupId: filter.groupId?.trim() || null,
    region: filter.region?.trim() ? regionOf(filter.region) : null,
  };
}

function phoneOrNull(search: string, organisation: Organisation): string | null {
  try {
    return toE164(search, parseRegion(organisation.defaultRegion));
  } catch (error) {
    if (error instanceof PhoneInvalid || error instanceof RegionInvalid) return null;
    throw error;
  }
}

function regionOf(raw: string) {
  try {
    return parseRegion(raw);
  } catch {
    throw new UnmatchedPeopleFilterInvalid('region', `"${raw.slice(0, 10)}" is not a region Convene knows`);
  }
}
