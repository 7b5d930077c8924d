/**
 * Someone Convene knows: by E.164 phone number (added by an admin), by Entra identity
 * (signed in through Teams), or both once the two are linked.
 */
export interface Person {
  id: string;
  phone: string | null;
  tenantId: string | null;
  aadObjectId: string | null;
  displayName: string | null;
  createdAt: string;
  /** An e-mail address or sign-in name an admin gave (a CSV's `Email`, the portal), lower case. */
  email: string | null;
  /** The organisation's employee id an admin gave (a CSV's `Employee ID`), matched to Entra's `employeeId`. */
  employeeId: string | null;
  /** The account's sign-in name, once Convene knows the account (matched, signed in or created). */
  userPrincipalName: string | null;
  /** When the directory was last asked about someone known only by phone, and what it said. */
  directoryCheckedAt: string | null;
  directoryOutcome: DirectoryOutcome | null;
  /** The language their Teams last spoke to the bot in (`en`, `hi`, `ar`), for cards sent to them unasked. */
  locale: string | null;
}

/**
 * The last directory lookup for a person without a linked account: `not-found` (no account has their
 * number, e-mail or employee id), `failed` (the directory could not be asked), `matched` (linked).
 */
export type DirectoryOutcome = 'matched' | 'not-found' | 'failed';

/** A person Convene has just heard of: everything not given is unknown yet. */
export const newPerson = (
  known: Pick<Person, 'id' | 'createdAt'> & Partial<Omit<Person, 'id' | 'createdAt'>>,
): Person => ({
  phone: null,
  tenantId: null,
  aadObjectId: null,
  displayName: null,
  email: null,
  employeeId: null,
  userPrincipalName: null,
  directoryCheckedAt: null,
  directoryOutcome: null,
  locale: null,
  ...known,
});

/** The words to show for a person: their name, else their number. */
export const personLabel = (person: Pick<Person, 'displayName' | 'phone' | 'id'>): string =>
  person.displayName ?? person.phone ?? person.id;
