import type { Logger } from 'pino';
import { createAccountsHandler } from '../../domain/accounts/account-creation.job';
import type { AccountCreator } from '../../domain/accounts/account-creator.port';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import { JobRunner } from './job-runner';

/**
 * The runner of `accounts.create` jobs for a process. A runner of its own, not the uploads' one: a
 * creation job paces itself under Graph's write quota for minutes, and uploads must not wait behind it.
 */
export function createAccountCreationRunner(
  ctx: DomainContext,
  creator: AccountCreator,
  logger: Logger,
  options: { leaseMs: number; pollMs?: number; owner?: string },
): JobRunner {
  return new JobRunner({
    uow: ctx.uow,
    clock: ctx.clock,
    logger,
    handlers: [createAccountsHandler(ctx, creator) as never],
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    owner: options.owner,
  });
}
