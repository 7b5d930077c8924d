import type { Actor } from '../access/actor';
import { NotAllowed } from '../access/permissions';
import type { DomainContext } from '../shared/unit-of-work.port';
import { startRun } from './start-provisioning';

/**
 * "Create teams" for a whole organisation, for its org admins: every group of the organisation
 * that has no Microsoft 365 group and team yet, or whose last attempt gave up, gets a provisioning
 * run (the workers create them one after another, within Graph's limits). Groups being created or
 * already provisioned are left as they are. Returns how many runs started.
 */
export function startOrganisationProvisioning(
  ctx: DomainContext,
  actor: Actor,
): Promise<{ started: number; groups: number }> {
  return ctx.uow.run(async (repos) => {
    const organisation = actor.tenantId
      ? await repos.organisations.findByTenantId(actor.tenantId)
      : undefined;
    if (!organisation || !(await repos.roles.isOrgAdmin(organisation.id, actor.personId)))
      throw new NotAllowed('provision', organisation?.displayName ?? 'the organisation');
    const groups = await repos.groups.listForOrganisation(organisation.id);
    const states = await repos.groupProvisioning.statesOf(groups.map((group) => group.id));
    const now = ctx.clock.now();
    let started = 0;
    for (const group of groups) {
      const state = states.get(group.id);
      if (state === 'provisioning' || state === 'provisioned') continue;
      const record = state ? await repos.groupProvisioning.find(group.id) : undefined;
      if (await startRun(repos, group.id, record, actor.personId, now)) started++;
    }
    return { started, groups: groups.length };
  });
}
