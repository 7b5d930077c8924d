import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';
import { AccountCreationOff, NobodyToCreate } from './account-creation.errors';
import type { AccountCreationRow } from './account-creation.repository';
import type { AccountCreator } from './account-creator.port';
import { CREATE_ACCOUNTS_JOB, type CreateAccountsPayload } from './create-accounts-payload';
import { settingsOf } from './manage-account-creation-settings';
import {
  type AccountPlan,
  avoidDirectoryCollisions,
  MAX_PEOPLE_PER_RUN,
  planAccounts,
} from './plan-accounts';
import { requireAccountCreationAdmin } from './require-account-creation-admin';

/** Who to create accounts for: chosen people, or everyone of the organisation's groups without one. */
export type AccountSelection = { personIds: string[] } | { all: true };

export interface DryRunView {
  people: AccountPlan[];
  /** Chosen people who cannot get an account here (they have one already, or no phone number). */
  notEligible: number;
  /** "All" stopped at the per-run limit: run again after this batch for the rest. */
  truncated: boolean;
}

async function loadPlan(ctx: DomainContext, selection: AccountSelection, actor: Actor) {
  return ctx.uow.read(async (repos) => {
    const organisation = await requireAccountCreationAdmin(repos, actor);
    const settings = await settingsOf(repos, organisation);
    if (!settings.enabled) throw new AccountCreationOff();
    const ids = 'personIds' in selection ? [...new Set(selection.personIds)] : undefined;
    const candidates = await repos.accountCreation.listCandidates(
      organisation.id,
      ids,
      MAX_PEOPLE_PER_RUN + 1,
    );
    return {
      organisation,
      settings,
      plans: planAccounts(candidates.slice(0, MAX_PEOPLE_PER_RUN), settings),
      notEligible: ids ? ids.length - candidates.length : 0,
      truncated: candidates.length > MAX_PEOPLE_PER_RUN,
    };
  });
}

/**
 * Shows who would get an account and under which names, changing nothing: sign-in names already in
 * the directory are moved on to the next free suffix; people without a name are listed as needing one.
 */
export async function dryRunAccountCreation(
  ctx: DomainContext,
  creator: AccountCreator,
  selection: AccountSelection,
  actor: Actor,
): Promise<DryRunView> {
  const { organisation, settings, plans, notEligible, truncated } = await loadPlan(ctx, selection, actor);
  await avoidDirectoryCollisions(creator, organisation.tenantId, settings.domain, plans);
  return { people: plans, notEligible, truncated };
}

/**
 * Starts creating the accounts as a durable job: one progress row per person and the job itself are
 * written in one transaction (audited); the job runner does the directory work, paced, and a job
 * that dies resumes where it stopped. People needing a name are recorded as skipped, with the reason.
 */
export async function startAccountCreation(
  ctx: DomainContext,
  selection: AccountSelection,
  actor: Actor,
): Promise<{ jobId: string; people: number; skipped: number }> {
  const { organisation, settings, plans } = await loadPlan(ctx, selection, actor);
  if (!plans.some((plan) => plan.status === 'create')) throw new NobodyToCreate();
  return ctx.uow.run(async (repos) => {
    await requireAccountCreationAdmin(repos, actor);
    const now = ctx.clock.now();
    const jobId = newId();
    const rows: AccountCreationRow[] = plans.map((plan, seq) => ({
      jobId,
      personId: plan.personId,
      seq,
      displayName: plan.displayName ?? '',
      upnBase: plan.upnBase ?? '',
      suffix: plan.suffix,
      phone: plan.phone,
      usageLocation: plan.usageLocation,
      objectId: null,
      sending: false,
      phoneMethod: false,
      smsSignIn: false,
      licenceGroup: false,
      ...(plan.status === 'create'
        ? { outcome: null, reasonCode: null, reason: null }
        : {
            outcome: 'skipped' as const,
            reasonCode: plan.status === 'needs-name' ? 'NEEDS_NAME' : 'NEEDS_LATIN_NAME',
            reason:
              plan.status === 'needs-name'
                ? 'Needs a name: give one (portal or CSV Name column) and create the account then.'
                : 'The name has no Latin letters to make a sign-in name from: add a Latin spelling of it.',
          }),
    }));
    await repos.accountCreation.insertRows(rows, now.toISOString());
    const payload: CreateAccountsPayload = {
      organisationId: organisation.id,
      tenantId: organisation.tenantId,
      domain: settings.domain,
      licenceGroupId: settings.licenceGroupId,
      requestedBy: actor.personId,
    };
    await repos.jobs.enqueue({
      id: jobId,
      kind: CREATE_ACCOUNTS_JOB,
      payload: payload as unknown as Record<string, unknown>,
      createdAt: now.toISOString(),
    });
    const skipped = rows.filter((row) => row.outcome === 'skipped').length;
    await repos.audit.append(
      auditEntry(
        now,
        actor.personId,
        'account-creation.started',
        null,
        { organisationId: organisation.id, people: rows.length - skipped, skipped, domain: settings.domain },
        jobId,
      ),
    );
    return { jobId, people: rows.length - skipped, skipped };
  });
}
