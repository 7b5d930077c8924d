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
}

/** The words to show for a person: their name, else their number. */
export const personLabel = (person: Pick<Person, 'displayName' | 'phone' | 'id'>): string =>
  person.displayName ?? person.phone ?? person.id;
