import type { Directory, DirectoryUser } from '../directory/directory.port';
import type { UnmatchedPersonRow } from './unmatched-people';

/**
 * The one place Look up again asks the directory: by each person's phone number today. When the
 * directory learns to match by e-mail and employee id too, this is the call to widen.
 */
export async function findAccounts(
  directory: Directory,
  tenantId: string,
  people: readonly UnmatchedPersonRow[],
): Promise<Map<string, DirectoryUser>> {
  const byPhone = await directory.findUsersByPhone(
    tenantId,
    people.map((p) => p.phone),
  );
  const found = new Map<string, DirectoryUser>();
  for (const person of people) {
    const user = byPhone.get(person.phone);
    if (user) found.set(person.id, user);
  }
  return found;
}
