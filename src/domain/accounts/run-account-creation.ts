import type { DomainContext } from '../shared/unit-of-work.port';
import type { AccountCreationRow, AccountCreationRowChange } from './account-creation.repository';
import type { AccountCreator, AccountStepResult } from './account-creator.port';
import type { CreateAccountsPayload } from './create-accounts-payload';
import { linkCreatedAccount } from './link-created-account';
import { MAX_UPN_SUFFIX } from './plan-accounts';
import { mailNickname, userPrincipalName } from './user-principal-name';

/**
 * People taken on at a time: 400 accounts is 20 full `$batch`es per step (create, phone, SMS) and
 * 20 licence-group requests in one more, so the requests stay within a few percent of the minimum.
 */
export const CHUNK_PEOPLE = 400;

type Rows = AccountCreationRow[];

/**
 * Works through the job's open progress rows a chunk at a time: sign-in names checked against the
 * directory (an account found under a name with the person's own number is the one an interrupted
 * run created, and is taken over rather than made again), accounts created, mobile method added,
 * SMS sign-in turned on, licensing group joined, and the person linked. Every directory answer is
 * committed before the next request, so a crash loses at most the answer in flight, and that one
 * is recognised by the look-up first.
 */
export async function runAccountCreation(
  ctx: DomainContext,
  creator: AccountCreator,
  jobId: string,
  job: CreateAccountsPayload,
): Promise<void> {
  const upnOf = (row: AccountCreationRow) => userPrincipalName(row.upnBase, row.suffix, job.domain);
  const record = (changes: Array<[AccountCreationRow, AccountCreationRowChange]>) =>
    changes.length === 0
      ? Promise.resolve()
      : ctx.uow.run(async (repos) => {
          const at = ctx.clock.now().toISOString();
          for (const [row, change] of changes) {
            await repos.accountCreation.updateRow(jobId, row.personId, change, at);
            Object.assign(row, change);
          }
        });
  const failures = (rows: Rows, results: AccountStepResult[]) => {
    const byKey = new Map(results.map((r) => [r.key, r]));
    return rows.map((row) => [row, byKey.get(row.personId)!] as const);
  };

  for (;;) {
    const rows = await ctx.uow.read((repos) => repos.accountCreation.listOpenRows(jobId, CHUNK_PEOPLE));
    if (rows.length === 0) return;
    await skipLinkedMeanwhile(rows);
    let open = rows.filter((row) => !row.outcome && !row.objectId);

    // 1. Accounts: look each sign-in name up, take over our own, move past others', create the rest.
    for (let round = 0; open.length > 0; round++) {
      const found = await creator.findAccounts(job.tenantId, open.map(upnOf));
      const changes: Array<[AccountCreationRow, AccountCreationRowChange]> = [];
      const create: Rows = [];
      for (const row of open) {
        const existing = found.get(upnOf(row).toLowerCase());
        if (existing && existing.mobilePhone === row.phone)
          changes.push([row, { objectId: existing.objectId, sending: false }]);
        else if (existing) changes.push([row, nextSuffix(row)]);
        else create.push(row);
      }
      await record(changes);
      await record(create.map((row) => [row, { sending: true }]));
      const created = await creator.createAccounts(
        job.tenantId,
        create.map((row) => ({
          key: row.personId,
          displayName: row.displayName,
          userPrincipalName: upnOf(row),
          mailNickname: mailNickname(row.upnBase, row.suffix),
          usageLocation: row.usageLocation,
          mobilePhone: row.phone,
        })),
      );
      await record(
        failures(create, created).map(([row, result]) => [
          row,
          result.ok
            ? { objectId: result.objectId, sending: false }
            : result.code === 'UPN_TAKEN'
              ? { ...nextSuffix(row), sending: false }
              : { sending: false, outcome: 'failed', reasonCode: result.code, reason: result.message },
        ]),
      );
      open = open.filter((row) => !row.outcome && !row.objectId);
      if (round >= MAX_UPN_SUFFIX)
        await record(
          open.map((row) => [
            row,
            {
              outcome: 'failed',
              reasonCode: 'UPN_UNAVAILABLE',
              reason: `No free sign-in name like ${upnOf(row)}.`,
            },
          ]),
        );
      if (round >= MAX_UPN_SUFFIX) break;
    }

    // 2. The mobile number as an authentication method, then 3. SMS sign-in for it.
    const needPhone = rows.filter(
      (row) => row.objectId && !row.outcome && !row.phoneMethod && !row.reasonCode,
    );
    const phones = await creator.addMobilePhones(
      job.tenantId,
      needPhone.map((row) => ({ key: row.personId, objectId: row.objectId!, phone: row.phone })),
    );
    await record(failures(needPhone, phones).map(([row, r]) => [row, stepChange(r, { phoneMethod: true })]));
    const needSms = rows.filter(
      (row) => row.objectId && !row.outcome && row.phoneMethod && !row.smsSignIn && !row.reasonCode,
    );
    const sms = await creator.enableSmsSignIn(
      job.tenantId,
      needSms.map((row) => ({ key: row.personId, objectId: row.objectId! })),
    );
    await record(failures(needSms, sms).map(([row, r]) => [row, stepChange(r, { smsSignIn: true })]));

    // 4. The licensing group, for everyone with an account (a licence helps even if SMS sign-in was refused).
    if (job.licenceGroupId) {
      const needGroup = rows.filter((row) => row.objectId && !row.outcome && !row.licenceGroup);
      const joined = await creator.addToGroup(
        job.tenantId,
        job.licenceGroupId,
        needGroup.map((row) => ({ key: row.personId, objectId: row.objectId! })),
      );
      await record(
        failures(needGroup, joined).map(([row, r]) => [
          row,
          r.ok ? { licenceGroup: true } : row.reasonCode ? {} : { reasonCode: r.code, reason: r.message },
        ]),
      );
    }

    // 5. Link everyone with an account, in one transaction with their outcomes.
    await ctx.uow.run(async (repos) => {
      const now = ctx.clock.now();
      for (const row of rows) {
        if (row.outcome || !row.objectId) continue;
        const linked = await linkCreatedAccount(
          repos,
          row,
          { tenantId: job.tenantId, objectId: row.objectId, userPrincipalName: upnOf(row) },
          now,
        );
        await repos.accountCreation.updateRow(jobId, row.personId, linked, now.toISOString());
      }
    });
  }

  /** People who were linked to an account by other means since the job started get none from it. */
  async function skipLinkedMeanwhile(rows: Rows): Promise<void> {
    const linked = await ctx.uow.read(async (repos) => {
      const found: Rows = [];
      for (const row of rows) {
        if (row.objectId || row.sending) continue;
        const person = await repos.people.findById(row.personId);
        if (!person || person.aadObjectId) found.push(row);
      }
      return found;
    });
    await record(
      linked.map((row) => [
        row,
        {
          outcome: 'skipped',
          reasonCode: 'HAS_ACCOUNT',
          reason: 'Linked to an account since the job started.',
        },
      ]),
    );
  }
}

function nextSuffix(row: AccountCreationRow): AccountCreationRowChange {
  return { suffix: row.suffix + 1 };
}

/** A refused step keeps what succeeded before it; the first refusal is the reason reported. */
function stepChange(result: AccountStepResult, done: AccountCreationRowChange): AccountCreationRowChange {
  return result.ok ? done : { reasonCode: result.code, reason: result.message };
}
