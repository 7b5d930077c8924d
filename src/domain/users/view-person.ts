import type { Actor } from '../access/actor';
import { may } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { accountStateOf } from './account-state';
import {
  MAX_GROUPS_ON_PERSON_PAGE,
  type PersonDetail,
  type PersonMembershipRow,
  type PersonMembershipView,
  type UserRow,
  type UsersScope,
} from './users';
import { UserNotFound } from './users.errors';
import { scopeName, usersScopeOf } from './users-scope';

/**
 * A person page: who they are, whether Convene knows their account, the last directory lookup, and
 * their groups in the viewer's scope with role, invitation and card invite, and what the viewer may do
 * in each (the permission table decides, group by group). Someone outside the viewer's groups is
 * "not found", whether or not Convene knows them.
 */
export function viewPerson(ctx: DomainContext, personId: string, actor: Actor): Promise<PersonDetail> {
  return ctx.uow.run(async (repos) => {
    const scope = await usersScopeOf(repos, actor);
    const person = await findPersonInScope(repos, scope, personId);
    const [rows, groupTotal] = await Promise.all([
      repos.users.membershipsOf(scope, person.id, MAX_GROUPS_ON_PERSON_PAGE),
      repos.users.countMemberships(scope, person.id),
    ]);
    const groups: PersonMembershipView[] = [];
    for (const row of rows) groups.push({ ...row, allowed: await allowedIn(repos, actor, row) });
    return {
      person: {
        id: person.id,
        displayName: person.displayName,
        phone: person.phone,
        email: person.email,
        employeeId: person.employeeId,
        userPrincipalName: person.userPrincipalName,
        createdAt: person.createdAt,
      },
      account: accountStateOf(person, scope.organisationTenantId),
      lastLookup:
        person.directoryCheckedAt && person.directoryOutcome
          ? { at: person.directoryCheckedAt, outcome: person.directoryOutcome }
          : null,
      groups,
      groupTotal,
      scope: scopeName(scope),
    };
  });
}

/** The person, if they are in one of the viewer's groups; otherwise the same "not found" for all. */
export async function findPersonInScope(
  repos: Repositories,
  scope: UsersScope,
  personId: string,
): Promise<UserRow> {
  const person = await repos.users.findInScope(scope, personId);
  if (!person) throw new UserNotFound();
  return person;
}

async function allowedIn(
  repos: Repositories,
  actor: Actor,
  row: PersonMembershipRow,
): Promise<PersonMembershipView['allowed']> {
  const relations = await relationsTo(repos, actor, await loadGroup(repos, row.groupId));
  return {
    remove: may(relations, row.role === 'admin' ? 'manage-admins' : 'manage-members'),
    resendInvite: row.state !== 'joined' && row.cardInvite !== null && may(relations, 'invite'),
  };
}
