import { regionOfPhone } from '../people/phone-number';
import type { Repositories } from '../shared/unit-of-work.port';
import { GROUPS_SHOWN, type UnmatchedPersonRow, type UnmatchedPersonView } from './unmatched-people';

/**
 * Completes stored rows into what the list and the export show: each person's groups in the
 * organisation, who added them to the first one and when, and their phone's region. Two grouped
 * reads for the whole page, however many people it holds.
 */
export async function describeUnmatchedPeople(
  repos: Repositories,
  organisationId: string,
  rows: readonly UnmatchedPersonRow[],
): Promise<UnmatchedPersonView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const groups = new Map(
    (await repos.users.groupsOf({ organisationId, champId: null }, ids, GROUPS_SHOWN)).map((g) => [
      g.personId,
      { total: g.total, groups: g.groups.map(({ id, name }) => ({ id, name })) },
    ]),
  );
  const first = new Map(
    (await repos.unmatchedPeople.firstMemberships(organisationId, ids)).map((f) => [f.personId, f]),
  );
  return rows.map((row) => {
    const theirGroups = groups.get(row.id);
    const membership = first.get(row.id);
    return {
      personId: row.id,
      displayName: row.displayName,
      phone: row.phone,
      region: regionOfPhone(row.phone),
      email: row.email,
      employeeId: row.employeeId,
      groups: theirGroups?.groups ?? [],
      groupCount: theirGroups?.total ?? 0,
      addedBy: membership?.addedBy ?? null,
      addedThrough: membership?.source ?? null,
      since: membership?.createdAt ?? row.createdAt,
      lastLookup:
        row.directoryCheckedAt && row.directoryOutcome
          ? { at: row.directoryCheckedAt, outcome: row.directoryOutcome }
          : null,
    };
  });
}
