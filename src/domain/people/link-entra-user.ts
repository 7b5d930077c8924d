import type { DirectoryUser } from '../directory/directory.port';
import { requestMemberSyncForPerson } from '../provisioning/provision-group.job';
import type { Clock } from '../shared/clock.port';
import type { Repositories } from '../shared/unit-of-work.port';

/**
 * Records that a person known only by phone is this Entra user, so their answers and sign-ins are
 * recognised and they join the teams of their groups. Nothing changes when the person already has an
 * identity, or when someone else holds this one (they signed in before being added by phone): the two
 * stay apart. True when the person was linked.
 */
export async function linkPersonToEntraUser(
  repos: Repositories,
  clock: Clock,
  personId: string,
  user: DirectoryUser,
): Promise<boolean> {
  const person = await repos.people.findById(personId);
  if (!person || person.aadObjectId) return false;
  if (await repos.people.findByAadObjectId(user.tenantId, user.aadObjectId)) return false;
  await repos.people.update(personId, {
    tenantId: user.tenantId,
    aadObjectId: user.aadObjectId,
    displayName: person.displayName ?? user.displayName,
  });
  await requestMemberSyncForPerson(repos, personId, clock.now());
  return true;
}
