import { auditEntry } from '../audit/audit-entry';
import type { Job } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import type { AccountCreator } from './account-creator.port';
import { CREATE_ACCOUNTS_JOB, type CreateAccountsPayload } from './create-accounts-payload';
import { runAccountCreation } from './run-account-creation';

/**
 * The `accounts.create` job. The directory work runs in `prepare`, outside any transaction (the
 * runner renews the lease meanwhile); each person's progress is committed after every directory
 * answer, so a runner taking over after a crash continues from the progress rows. The single step
 * only closes the job.
 */
export function createAccountsHandler(
  ctx: DomainContext,
  creator: AccountCreator,
): JobHandler<CreateAccountsPayload, null> {
  return {
    kind: CREATE_ACCOUNTS_JOB,
    prepare: (job: Job<CreateAccountsPayload, null>) => runAccountCreation(ctx, creator, job.id, job.payload),
    async step(repos: Repositories, job: Job<CreateAccountsPayload, null>, now: Date) {
      const counts = await repos.accountCreation.countOutcomes(job.id);
      await repos.audit.append(
        auditEntry(
          now,
          null,
          'account-creation.finished',
          null,
          { organisationId: job.payload.organisationId, ...counts },
          job.id,
        ),
      );
      return { checkpoint: null, done: true };
    },
    async failed(repos: Repositories, job: Job<CreateAccountsPayload, null>, reason: string, now: Date) {
      await repos.audit.append(
        auditEntry(
          now,
          null,
          'account-creation.failed',
          null,
          { organisationId: job.payload.organisationId, reason },
          job.id,
        ),
      );
    },
  };
}
