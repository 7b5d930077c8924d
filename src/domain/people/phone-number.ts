import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { PhoneInvalid, type PhoneProblem, RegionInvalid } from './phone.errors';

/** An ISO 3166 alpha-2 region that libphonenumber knows, e.g. "IN". */
export type Region = CountryCode;

/** Accepts "in", " IN " and the like; refuses anything libphonenumber has no metadata for. */
export function parseRegion(raw: string): Region {
  const candidate = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(candidate) || !isSupportedCountry(candidate)) throw new RegionInvalid(raw);
  return candidate as Region;
}

const lengthProblems: Record<string, PhoneProblem> = {
  NOT_A_NUMBER: 'not-a-number',
  TOO_SHORT: 'too-short',
  TOO_LONG: 'too-long',
  INVALID_LENGTH: 'invalid-length',
  INVALID_COUNTRY: 'not-valid-for-region',
};

/**
 * Normalises a number typed by a person (spaces, dashes, brackets, a leading + or 00) to E.164,
 * read in `region` unless it carries its own country code. Uses the `max` metadata so that a number
 * with a valid length but an unassigned prefix is refused too.
 */
export function toE164(input: string, region: Region): string {
  const raw = input.trim().replace(/^00/, '+');
  // Letters are allowed only in an extension ("… ext 12"); the cheap test runs first.
  if (raw === '' || (/[a-z]/i.test(raw) && /[a-z]/i.test(raw.replace(/\s*(ext\.?|x)\s*\d+$/i, '')))) {
    throw new PhoneInvalid(input, region, 'not-a-number');
  }
  // Parse once; the reason is worked out only for numbers that fail (bulk uploads check millions).
  let parsed: ReturnType<typeof parsePhoneNumberWithError> | undefined;
  try {
    parsed = parsePhoneNumberWithError(raw, region);
  } catch {
    parsed = undefined;
  }
  if (parsed?.isValid()) return parsed.number;
  const lengthProblem = validatePhoneNumberLength(raw, region);
  if (lengthProblem) throw new PhoneInvalid(input, region, lengthProblems[lengthProblem] ?? 'not-a-number');
  throw new PhoneInvalid(input, region, parsed ? 'not-valid-for-region' : 'not-a-number');
}

/** Splits a comma-, semicolon- or newline-separated list as people paste it, dropping blanks. */
export function splitPhoneList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Every region phone numbers can be read in, with its calling code (for region pickers). */
export function supportedRegions(): Array<{ code: Region; callingCode: string }> {
  return getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) }));
}

/** The region an E.164 number belongs to (e.g. "IN" for +91…), or undefined when it cannot be told. */
export function regionOfNumber(e164: string): Region | undefined {
  try {
    return parsePhoneNumberWithError(e164).country;
  } catch {
    return undefined;
  }
}
