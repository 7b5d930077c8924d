import { auditEntry } from '../audit/audit-entry';
import { requestMemberSyncForPerson } from '../provisioning/provision-group.job';
import type { Repositories } from '../shared/unit-of-work.port';
import type { AccountCreationRow, AccountOutcome } from './account-creation.repository';

/**
 * Links a person to the account just created for them, as a directory match would: the person
 * record gets the identity and sign-in name, their mapped groups' teams are asked to sync, and
 * their invite cards that failed for want of an account are queued again. Audited with the job.
 * When someone else took the identity meanwhile (or the person got another one), they stay apart.
 */
export async function linkCreatedAccount(
  repos: Repositories,
  row: AccountCreationRow,
  account: { tenantId: string; objectId: string; userPrincipalName: string },
  now: Date,
): Promise<{ outcome: AccountOutcome; reasonCode: string | null; reason: string | null }> {
  const at = now.toISOString();
  const person = await repos.people.findById(row.personId);
  const holder = await repos.people.findByAadObjectId(account.tenantId, account.objectId);
  if (
    !person ||
    (person.aadObjectId && person.aadObjectId !== account.objectId) ||
    (holder && holder.id !== row.personId)
  ) {
    return {
      outcome: 'partial',
      reasonCode: 'LINKED_ELSEWHERE',
      reason: 'The account was created, but the person was linked to another account meanwhile.',
    };
  }
  await repos.people.update(row.personId, {
    tenantId: account.tenantId,
    aadObjectId: account.objectId,
    userPrincipalName: account.userPrincipalName,
    displayName: person.displayName ?? row.displayName,
    directoryCheckedAt: at,
    directoryOutcome: 'matched',
  });
  await requestMemberSyncForPerson(repos, row.personId, now);
  const failed = await repos.accountCreation.failedInvitesOf(row.personId);
  if (failed.length > 0)
    await repos.cardInvites.enqueue(
      failed.map((invite) => ({
        groupId: invite.groupId,
        personId: row.personId,
        invitedBy: invite.invitedBy,
      })),
      at,
    );
  const outcome: AccountOutcome = row.reasonCode ? 'partial' : 'created';
  await repos.audit.append(
    auditEntry(
      now,
      null,
      'person.account-created',
      null,
      {
        personId: row.personId,
        objectId: account.objectId,
        userPrincipalName: account.userPrincipalName,
        outcome,
        reasonCode: row.reasonCode,
        invitesQueued: failed.length,
      },
      row.jobId,
    ),
  );
  return { outcome, reasonCode: row.reasonCode, reason: row.reason };
}
