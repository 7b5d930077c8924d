import type { DomainError } from '../shared/domain-error';
import { PhoneInvalid, RegionInvalid } from './phone.errors';
import { parseRegion, toE164 } from './phone-number';

/** Longest search text: a name, a number in any format, an e-mail address or an employee id. */
export const MAX_SEARCH_LENGTH = 320;

/** A partial number shorter than this would match most people; it is searched as text only. */
const MIN_DIGITS = 3;

/**
 * What someone typed to find a person, ready for storage: `text` lower case for names, e-mail addresses
 * and employee ids; `phone` the text read as a whole number in the organisation's region (E.164);
 * `digits` the digits of a partial number ("54401"). All null when nothing was typed.
 */
export interface PersonSearch {
  text: string | null;
  phone: string | null;
  digits: string | null;
}

/**
 * Reads a search for people. It is tried as a whole phone number in the organisation's default region
 * ("099885 54401", "+91 99885 54401" and "9988554401" all find the same person), as digits of a partial
 * number, and as text. `tooLong` names the refusal in the caller's words.
 */
export function readPersonSearch(
  raw: string | undefined,
  defaultRegion: string,
  tooLong: (max: number) => DomainError,
): PersonSearch {
  const search = raw?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) throw tooLong(MAX_SEARCH_LENGTH);
  if (search === '') return { text: null, phone: null, digits: null };
  const digits = search.replace(/\D/g, '');
  return {
    text: search.toLowerCase(),
    phone: phoneOrNull(search, defaultRegion),
    digits: digits.length >= MIN_DIGITS && /^[\d\s()+.-]+$/.test(search) ? digits : null,
  };
}

function phoneOrNull(search: string, defaultRegion: string): string | null {
  try {
    return toE164(search, parseRegion(defaultRegion));
  } catch (error) {
    if (error instanceof PhoneInvalid || error instanceof RegionInvalid) return null;
    throw error;
  }
}
