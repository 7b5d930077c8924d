import type { Directory, DirectoryUser } from '../directory/directory.port';
import type { JobHandler } from '../jobs/job-handler';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { findAccounts } from './find-accounts';
import {
  LOOK_UP_AGAIN_JOB,
  type LookUpAgainCheckpoint,
  type LookUpAgainJob,
  type LookUpAgainPayload,
  startCheckpoint,
} from './look-up-again';
import type { UnmatchedPersonRow } from './unmatched-people';

/** People per directory call: one Graph `$batch` holds 20 filters of 15 numbers. */
export const LOOKUP_BATCH = 300;

/**
 * Links people to the accounts found for them (the delivery worker's linker: it settles the race with
 * someone signing in meanwhile, and brings their groups' teams up to date).
 */
export type LinkAccounts = (links: Array<{ personId: string; user: DirectoryUser }>) => Promise<void>;

export interface LookUpAgainServices {
  directory: Directory;
  link: LinkAccounts;
  /** The runner's lease length: each batch's commit renews the lease, refusing if it was lost. */
  leaseMs: number;
  batchSize?: number;
}

class LookupLeaseLost extends Error {
  constructor() {
    super('Another worker took over this lookup.');
  }
}

/**
 * Runs Look up again. The directory must not be called inside a transaction (SQLite has one writer),
 * so the work happens in `prepare`, batch by batch: a short read of the next people, the directory
 * call with no transaction open (the runner keeps the lease meanwhile), the links, then one commit of
 * the outcomes and the checkpoint under the lease. After a crash the next runner resumes after the
 * last committed batch; repeating a batch only asks the directory again. A directory that cannot be
 * asked marks that batch `failed` (the people can be looked up again later) and the job goes on.
 */
export function lookUpAgainHandler(
  ctx: DomainContext,
  services: LookUpAgainServices,
): JobHandler<LookUpAgainPayload, LookUpAgainCheckpoint> {
  const batchSize = services.batchSize ?? LOOKUP_BATCH;
  return {
    kind: LOOK_UP_AGAIN_JOB,
    async prepare(job: LookUpAgainJob): Promise<void> {
      const owner = job.leaseOwner;
      if (!owner) throw new LookupLeaseLost();
      let checkpoint = job.checkpoint ?? startCheckpoint;
      while (true) {
        const batch = await ctx.uow.run((repos) =>
          nextBatch(repos, job.payload, checkpoint.after, batchSize),
        );
        if (batch.consumed.length === 0) return;
        const found = await findAccounts(services.directory, job.payload.tenantId, batch.people).catch(
          () => undefined,
        );
        if (found && found.size > 0)
          await services.link([...found].map(([personId, user]) => ({ personId, user })));
        const notFound = found ? batch.people.filter((p) => !found.has(p.id)).map((p) => p.id) : [];
        checkpoint = {
          after: batch.consumed[batch.consumed.length - 1]!,
          done: checkpoint.done + batch.consumed.length,
          matched: checkpoint.matched + (found?.size ?? 0),
          notFound: checkpoint.notFound + notFound.length,
          failed: checkpoint.failed + (found ? 0 : batch.people.length),
        };
        const saved = checkpoint;
        await ctx.uow.run(async (repos) => {
          const now = ctx.clock.now();
          if (!(await repos.jobs.holdLease(job.id, owner, now, services.leaseMs)))
            throw new LookupLeaseLost();
          const at = now.toISOString();
          if (found) {
            await repos.unmatchedPeople.recordLookup(notFound, 'not-found', at);
            // Found, but the account is another person's record (they signed in before being added).
            await repos.unmatchedPeople.recordLookup([...found.keys()], 'matched', at);
          } else {
            await repos.unmatchedPeople.recordLookup(
              batch.people.map((p) => p.id),
              'failed',
              at,
            );
          }
          await repos.jobs.saveCheckpoint(job.id, owner, saved, now);
        });
      }
    },
    async step(_repos, job) {
      return { checkpoint: job.checkpoint ?? startCheckpoint, done: true };
    },
  };
}

/**
 * The next people to look up after `after`: the next ids of a selection (those that still have no
 * account), or the next people matching the criteria. `consumed` is how far the job moves on.
 */
async function nextBatch(
  repos: Repositories,
  payload: LookUpAgainPayload,
  after: string | null,
  size: number,
): Promise<{ consumed: string[]; people: UnmatchedPersonRow[] }> {
  if (payload.personIds) {
    const consumed = payload.personIds.filter((id) => after === null || id > after).slice(0, size);
    const people = consumed.length ? await repos.unmatchedPeople.matchingIds(payload.criteria, consumed) : [];
    return { consumed, people };
  }
  const people = await repos.unmatchedPeople.page(payload.criteria, after, size);
  return { consumed: people.map((p) => p.id), people };
}
