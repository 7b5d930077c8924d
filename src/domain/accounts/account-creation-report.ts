import type { Actor } from '../access/actor';
import type { JobStatus } from '../jobs/job';
import type { DomainContext } from '../shared/unit-of-work.port';
import { AccountCreationJobNotFound } from './account-creation.errors';
import type { AccountOutcome } from './account-creation.repository';
import { CREATE_ACCOUNTS_JOB, type CreateAccountsPayload } from './create-accounts-payload';
import { MAX_PEOPLE_PER_RUN } from './plan-accounts';
import { requireAccountCreationAdmin } from './require-account-creation-admin';
import { userPrincipalName } from './user-principal-name';

/** One person's line in a job's report. */
export interface AccountReportLine {
  personId: string;
  displayName: string;
  phone: string;
  userPrincipalName: string | null;
  /** null while the person is still being worked on. */
  outcome: AccountOutcome | null;
  steps: { account: boolean; phoneMethod: boolean; smsSignIn: boolean; licenceGroup: boolean };
  reasonCode: string | null;
  reason: string | null;
}

export interface AccountCreationReport {
  jobId: string;
  status: JobStatus;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  progress: { done: number; total: number };
  counts: Record<AccountOutcome, number>;
  people: AccountReportLine[];
}

/** A creation job's progress and per-person report, for its organisation's org admins. */
export function accountCreationReport(
  ctx: DomainContext,
  jobId: string,
  actor: Actor,
): Promise<AccountCreationReport> {
  return ctx.uow.read(async (repos) => {
    const organisation = await requireAccountCreationAdmin(repos, actor);
    const job = await repos.jobs.findById(jobId);
    const payload = job?.payload as unknown as CreateAccountsPayload | undefined;
    if (!job || job.kind !== CREATE_ACCOUNTS_JOB || payload?.organisationId !== organisation.id)
      throw new AccountCreationJobNotFound(jobId);
    const counts = await repos.accountCreation.countOutcomes(jobId);
    const rows = await repos.accountCreation.listRows(jobId, MAX_PEOPLE_PER_RUN);
    const outcomes = {
      created: counts.created ?? 0,
      partial: counts.partial ?? 0,
      failed: counts.failed ?? 0,
      skipped: counts.skipped ?? 0,
    };
    return {
      jobId,
      status: job.status,
      lastError: job.lastError,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      progress: {
        done: outcomes.created + outcomes.partial + outcomes.failed + outcomes.skipped,
        total: counts.total,
      },
      counts: outcomes,
      people: rows.map((row) => ({
        personId: row.personId,
        displayName: row.displayName,
        phone: row.phone,
        userPrincipalName: row.upnBase ? userPrincipalName(row.upnBase, row.suffix, payload.domain) : null,
        outcome: row.outcome,
        steps: {
          account: row.objectId !== null,
          phoneMethod: row.phoneMethod,
          smsSignIn: row.smsSignIn,
          licenceGroup: row.licenceGroup,
        },
        reasonCode: row.reasonCode,
        reason: row.reason,
      })),
    };
  });
}
