import type { Logger } from 'pino';
import type { Directory } from '../../domain/directory/directory.port';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import { lookUpAgainHandler } from '../../domain/unmatched-people/look-up-again.job';
import { entraLinker } from '../delivery/link-person';
import { JobRunner } from './job-runner';

/**
 * The job runner of a process for Look up again (People without an account): the organisation's
 * directory asked in batches, matches linked by the same linker as invite delivery. Start it to take
 * part; `nudge` after enqueueing so the work starts at once.
 */
export function createLookupRunner(
  ctx: DomainContext,
  directory: Directory,
  logger: Logger,
  options: { leaseMs: number; pollMs?: number; owner?: string; batchSize?: number },
): JobRunner {
  // The outcomes of those not found are recorded by the job itself, with its checkpoint.
  const linkAccounts = entraLinker(ctx);
  return new JobRunner({
    uow: ctx.uow,
    clock: ctx.clock,
    logger,
    handlers: [
      lookUpAgainHandler(ctx, {
        directory,
        link: (links) => linkAccounts({ links }),
        leaseMs: options.leaseMs,
        batchSize: options.batchSize,
      }) as never,
    ],
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    owner: options.owner,
  });
}
