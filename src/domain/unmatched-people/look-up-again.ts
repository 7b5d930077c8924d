import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Job } from '../jobs/job';
import { requireOrgAdminOf } from '../organisations/require-org-admin';
import { newId } from '../shared/ids';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import type { UnmatchedPeopleCriteria, UnmatchedPeopleFilter } from './unmatched-people';
import {
  LookupNotFound,
  LookupSelectionTooLarge,
  UnmatchedPeopleOrgAdminsOnly,
} from './unmatched-people.errors';
import { unmatchedPeopleCriteria } from './unmatched-people-criteria';

export const LOOK_UP_AGAIN_JOB = 'people.look-up-again';
/** Most people one selection may name; more are looked up as "everyone matching the filter". */
export const MAX_LOOKUP_SELECTION = 500;

/** What a Look up again job works through: the chosen people, or everyone matching the criteria. */
export type LookUpAgainPayload = {
  organisationId: string;
  tenantId: string;
  requestedBy: string;
  criteria: UnmatchedPeopleCriteria;
  /** The selection, sorted; null for everyone matching `criteria`. */
  personIds: string[] | null;
  total: number;
};

/** How far a Look up again job has come, and what the directory said so far. */
export interface LookUpAgainCheckpoint {
  /** The last person id done (people are taken in id order). */
  after: string | null;
  done: number;
  matched: number;
  notFound: number;
  failed: number;
}

export type LookUpAgainJob = Job<LookUpAgainPayload, LookUpAgainCheckpoint>;

/** A Look up again job as the portal follows it. */
export interface LookupView {
  id: string;
  status: Job['status'];
  progress: { done: number; total: number };
  counts: { matched: number; notFound: number; failed: number };
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export const startCheckpoint: LookUpAgainCheckpoint = {
  after: null,
  done: 0,
  matched: 0,
  notFound: 0,
  failed: 0,
};

const lookupView = (job: Job): LookupView => {
  const payload = job.payload as LookUpAgainPayload;
  const checkpoint = (job.checkpoint as LookUpAgainCheckpoint | null) ?? startCheckpoint;
  return {
    id: job.id,
    status: job.status,
    // People added while "everyone" is looked up are looked up too: the total grows to what was done.
    progress: { done: checkpoint.done, total: Math.max(payload.total, checkpoint.done) },
    counts: { matched: checkpoint.matched, notFound: checkpoint.notFound, failed: checkpoint.failed },
    lastError: job.lastError,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
};

/**
 * Look up again: asks the directory once more whether accounts now exist for one person, a selection
 * (at most MAX_LOOKUP_SELECTION ids, each checked to be one of the organisation's people without an
 * account), or everyone matching the filter. The work is a durable job, enqueued in this transaction.
 */
export function lookUpAgain(
  ctx: DomainContext,
  input: { personIds: readonly string[] } | { filter: UnmatchedPeopleFilter },
  actor: Actor,
): Promise<LookupView> {
  return ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdminOf(repos, actor, () => new UnmatchedPeopleOrgAdminsOnly());
    const now = ctx.clock.now();
    let payload: LookUpAgainPayload;
    if ('personIds' in input) {
      const wanted = [...new Set(input.personIds)];
      if (wanted.length > MAX_LOOKUP_SELECTION) throw new LookupSelectionTooLarge(MAX_LOOKUP_SELECTION);
      const criteria = unmatchedPeopleCriteria(organisation, {});
      const rows = await repos.unmatchedPeople.matchingIds(criteria, wanted);
      const personIds = rows.map((row) => row.id).sort();
      payload = { ...base(organisation, actor), criteria, personIds, total: personIds.length };
    } else {
      const criteria = unmatchedPeopleCriteria(organisation, input.filter);
      const total = await repos.unmatchedPeople.count(criteria);
      payload = { ...base(organisation, actor), criteria, personIds: null, total };
    }
    const id = newId();
    await repos.jobs.enqueue({ id, kind: LOOK_UP_AGAIN_JOB, payload, createdAt: now.toISOString() });
    await repos.audit.append(
      auditEntry(
        now,
        actor.personId,
        'people.look-up-again',
        null,
        { people: payload.total, all: payload.personIds === null },
        id,
      ),
    );
    return lookupView((await repos.jobs.findById(id))!);
  });
}

const base = (organisation: { id: string; tenantId: string }, actor: Actor) => ({
  organisationId: organisation.id,
  tenantId: organisation.tenantId,
  requestedBy: actor.personId,
});

/** A Look up again job of the actor's organisation, for its org admins. */
export function getLookup(ctx: DomainContext, jobId: string, actor: Actor): Promise<LookupView> {
  return ctx.uow.run(async (repos) => lookupView(await loadLookup(repos, jobId, actor)));
}

async function loadLookup(repos: Repositories, jobId: string, actor: Actor): Promise<Job> {
  const organisation = await requireOrgAdminOf(repos, actor, () => new UnmatchedPeopleOrgAdminsOnly());
  const job = await repos.jobs.findById(jobId);
  if (
    job?.kind !== LOOK_UP_AGAIN_JOB ||
    (job.payload as LookUpAgainPayload).organisationId !== organisation.id
  )
    throw new LookupNotFound();
  return job;
}
