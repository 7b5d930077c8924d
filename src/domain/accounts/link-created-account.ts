import { auditEntry } from '../audit/audit-entry';
import { linkPersonToAccount } from '../people/link-person-to-account';
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
  const person = await repos.people.findById(row.personId);
  const failedBefore = (await repos.cardInvites.listFailedOf(row.personId)).length;
  // Already theirs: a run resumed after the link was committed.
  const alreadyLinked = person?.aadObjectId === account.objectId && person.tenantId === account.tenantId;
  const linked =
    alreadyLinked ||
    (await linkPersonToAccount(
      repos,
      row.personId,
      {
        tenantId: account.tenantId,
        aadObjectId: account.objectId,
        displayName: row.displayName,
        userPrincipalName: account.userPrincipalName,
      },
      now,
    ));
  if (!linked) {
    return {
      outcome: 'partial',
      reasonCode: 'LINKED_ELSEWHERE',
      reason: 'The account was created, but the person was linked to another account meanwhile.',
    };
  }
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
        invitesQueued: alreadyLinked ? 0 : failedBefore,
      },
      row.jobId,
    ),
  );
  return { outcome, reasonCode: row.reasonCode, reason: row.reason };
}
