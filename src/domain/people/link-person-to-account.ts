import type { DirectoryUser } from '../directory/directory.port';
import { requestMemberSyncForPerson } from '../provisioning/provision-group.job';
import type { Repositories } from '../shared/unit-of-work.port';

/**
 * Links a person known by phone to the account the directory found (or Convene created) for them, so
 * their later answers and sign-ins are recognised, their groups' teams take them in and their invite
 * cards that failed for want of an account go out again. A person already linked, or an
 * account someone else already holds (they signed in before being added by phone), is left as it is:
 * false. The caller's transaction may still fail on the unique identity if someone signs in meanwhile.
 */
export async function linkPersonToAccount(
  repos: Repositories,
  personId: string,
  user: DirectoryUser,
  now: Date,
): Promise<boolean> {
  const person = await repos.people.findById(personId);
  if (!person || person.aadObjectId) return false;
  if (await repos.people.findByAadObjectId(user.tenantId, user.aadObjectId)) {
    // Their account is known to Convene as someone else (who signed in first): found, not linked.
    await repos.people.update(personId, {
      directoryCheckedAt: now.toISOString(),
      directoryOutcome: 'matched',
    });
    return false;
  }
  await repos.people.update(personId, {
    tenantId: user.tenantId,
    aadObjectId: user.aadObjectId,
    displayName: person.displayName ?? user.displayName,
    userPrincipalName: user.userPrincipalName ?? person.userPrincipalName,
    directoryCheckedAt: now.toISOString(),
    directoryOutcome: 'matched',
  });
  await requestMemberSyncForPerson(repos, personId, now);
  // Cards that failed for want of an account can reach them now.
  const failed = await repos.cardInvites.listFailedOf(personId);
  if (failed.length > 0)
    await repos.cardInvites.enqueue(
      failed.map((invite) => ({ groupId: invite.groupId, personId, invitedBy: invite.invitedBy })),
      now.toISOString(),
    );
  return true;
}
