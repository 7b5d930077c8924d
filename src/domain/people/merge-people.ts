import { auditEntry } from '../audit/audit-entry';
import { requestMemberSyncForPerson } from '../provisioning/provision-group.job';
import type { Repositories } from '../shared/unit-of-work.port';
import type { TeamsIdentity } from './identify-teams-user';
import type { Person } from './person';

/**
 * Makes a person known only by phone the Teams account that just proved to be them (pressed Join on
 * the card sent to that number, or signed in with an account whose number it is). When the account
 * is new to Convene the phone record simply gains the identity; when the account already has its
 * own record (it chatted with the bot before being added by phone) the phone record's memberships,
 * invites and number move to it, so `groups`, the portal and the team sync see one person.
 * Returns the id of the person who now holds both.
 */
export async function attachPhonePersonToAccount(
  repos: Repositories,
  phonePerson: Person,
  identity: TeamsIdentity,
  now: Date,
): Promise<string> {
  if (phonePerson.aadObjectId !== null) return phonePerson.id;
  const account = await repos.people.findByAadObjectId(identity.tenantId, identity.aadObjectId);
  if (!account) {
    await repos.people.update(phonePerson.id, {
      tenantId: identity.tenantId,
      aadObjectId: identity.aadObjectId,
      displayName: phonePerson.displayName ?? identity.displayName,
    });
    await requestMemberSyncForPerson(repos, phonePerson.id, now);
    return phonePerson.id;
  }
  await repos.people.mergeInto(phonePerson.id, account.id);
  await repos.audit.append(
    auditEntry(now, account.id, 'person.merged', null, { from: phonePerson.id, into: account.id }),
  );
  await requestMemberSyncForPerson(repos, account.id, now);
  return account.id;
}
