import type { Person } from './person';

/**
 * What an admin may tell Convene about someone to find the Microsoft 365 account they already have:
 * an e-mail address (matched to the account's mail or sign-in name) and an employee id (matched to
 * Entra's `employeeId`). Both are optional, bounded and checked here once for every way in.
 */

/** The longest e-mail address (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;
/** The longest employee id kept. */
export const EMPLOYEE_ID_MAX_LENGTH = 64;

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Letters, digits, punctuation and spaces: no control, format or private-use characters. */
const printable = /^[^\p{C}]+$/u;

/** Why a value was not taken. */
export type HintRefusal = 'too-long' | 'not-an-email' | 'not-printable';

/** An e-mail address in lower case, null when none was given, or why it cannot be one. */
export function readEmail(raw: string): string | null | { refused: HintRefusal } {
  const value = raw.trim();
  if (value === '') return null;
  if (value.length > EMAIL_MAX_LENGTH) return { refused: 'too-long' };
  if (!emailShape.test(value) || !printable.test(value)) return { refused: 'not-an-email' };
  return value.toLowerCase();
}

/** An employee id as written (trimmed), null when none was given, or why it cannot be one. */
export function readEmployeeId(raw: string): string | null | { refused: HintRefusal } {
  const value = raw.trim();
  if (value === '') return null;
  if ([...value].length > EMPLOYEE_ID_MAX_LENGTH) return { refused: 'too-long' };
  if (!printable.test(value)) return { refused: 'not-printable' };
  return value;
}

/** What an admin gave to find someone's account, and their name; null (or absent) when nothing was given. */
export interface AccountHints {
  email?: string | null;
  employeeId?: string | null;
  /** A name for someone Convene knows no name for (a CSV's `Name`, `people: [{ phone, name }]`). */
  name?: string | null;
}

/** The fields an admin's hints may fill in. */
export type HintedFields = Pick<Person, 'email' | 'employeeId' | 'displayName'>;

/**
 * The changes that keep what an admin gave on a person, or undefined when nothing changes. Only people
 * without an account take them (an account's own values, its name included, are never overwritten), an
 * empty value erases nothing that was given before, and a name only fills in a missing one.
 */
export function hintChanges(
  person: Pick<Person, 'aadObjectId' | 'email' | 'employeeId' | 'displayName'>,
  hints: AccountHints,
): HintedFields | undefined {
  if (person.aadObjectId) return undefined;
  const email = hints.email || person.email;
  const employeeId = hints.employeeId || person.employeeId;
  const displayName = person.displayName || hints.name || null;
  if (email === person.email && employeeId === person.employeeId && displayName === person.displayName)
    return undefined;
  return { email, employeeId, displayName };
}
