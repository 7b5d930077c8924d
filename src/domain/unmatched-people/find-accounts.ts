import type { Directory, DirectoryUser } from '../directory/directory.port';
import type { UnmatchedPersonRow } from './unmatched-people';

/**
 * The one place Look up again asks the directory: by every identifier each person has (their phone
 * as a mobile or business phone, the e-mail and employee id an admin gave), in one batched call.
 */
export async function findAccounts(
  directory: Directory,
  tenantId: string,
  people: readonly UnmatchedPersonRow[],
): Promise<Map<string, DirectoryUser>> {
  const matches = await directory.findPeople(
    tenantId,
    people.map((p) => ({ key: p.id, phone: p.phone, email: p.email, employeeId: p.employeeId })),
  );
  return new Map([...matches].map(([personId, match]) => [personId, match.user]));
}
