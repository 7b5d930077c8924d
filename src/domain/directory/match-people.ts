import type { DirectoryField, DirectoryMatch, DirectoryQuery, DirectoryUser } from './directory.port';

/** An account with its identifiers read the way queries spell them (phones E.164). */
export interface DirectoryCandidate {
  user: DirectoryUser;
  mobilePhone: string | null;
  businessPhones: readonly string[];
  mail: string | null;
  userPrincipalName: string | null;
  employeeId: string | null;
}

/**
 * The order in which fields decide: a sign-in name or mail address names one account in a tenant,
 * an employee id is the organisation's own key, a mobile number is personal, a business number is
 * often a shared desk line.
 */
const FIELDS: readonly DirectoryField[] = [
  'userPrincipalName',
  'mail',
  'employeeId',
  'mobilePhone',
  'businessPhones',
];

/** How a field's values are compared: e-mail addresses and employee ids without regard to case (as Graph). */
export const directoryKey = (field: DirectoryField, value: string): string =>
  field === 'mobilePhone' || field === 'businessPhones' ? value : value.trim().toLowerCase();

const queried = (query: DirectoryQuery, field: DirectoryField): string | null => {
  if (field === 'mobilePhone' || field === 'businessPhones') return query.phone;
  if (field === 'employeeId') return query.employeeId;
  return query.email;
};

/**
 * Matches people to accounts, field by field in the order above. A value two accounts share (a
 * switchboard number on every desk's business phones) names neither, so nobody is linked to a
 * colleague's account; the next field may still decide.
 */
export function matchPeople(
  queries: readonly DirectoryQuery[],
  candidates: Iterable<DirectoryCandidate>,
): Map<string, DirectoryMatch> {
  // field → value → the one account holding it, or null when several do.
  const index = new Map<DirectoryField, Map<string, DirectoryUser | null>>(FIELDS.map((f) => [f, new Map()]));
  const put = (field: DirectoryField, value: string | null, user: DirectoryUser) => {
    if (!value) return;
    const values = index.get(field)!;
    const key = directoryKey(field, value);
    const held = values.get(key);
    if (held === undefined) values.set(key, user);
    else if (held !== null && held.aadObjectId !== user.aadObjectId) values.set(key, null);
  };
  for (const c of candidates) {
    put('userPrincipalName', c.userPrincipalName, c.user);
    put('mail', c.mail, c.user);
    put('employeeId', c.employeeId, c.user);
    put('mobilePhone', c.mobilePhone, c.user);
    for (const phone of new Set(c.businessPhones)) put('businessPhones', phone, c.user);
  }
  const found = new Map<string, DirectoryMatch>();
  for (const query of queries) {
    for (const field of FIELDS) {
      const value = queried(query, field);
      const user = value ? index.get(field)!.get(directoryKey(field, value)) : undefined;
      if (user) {
        found.set(query.key, { user, field });
        break;
      }
    }
  }
  return found;
}
