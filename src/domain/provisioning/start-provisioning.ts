import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { type GroupProvisioning, type ProvisioningView, provisioningView } from './group-provisioning';
import { requestMemberSync, requestProvisioning } from './provision-group.job';
import { GroupNotInOrganisation, ProvisioningInProgress } from './provisioning.errors';

/** What a request to bring a group's Microsoft 365 group and team up to date set going. */
export type ProvisioningStarted = 'provisioning' | 'member-sync';

/**
 * Brings an organisation group's Microsoft 365 group and team up to date, on request from the
 * portal: a group created in the organisation (in the portal or by a bulk upload) gets them created
 * now; after provisioning gave up (say while an admin fixed the app's Graph permissions) a new run
 * starts where the last one stopped; a provisioned group gets a member sync (say the last one
 * failed). Group admins and org admins may ask. Mapping a personal group still starts provisioning
 * by itself (mapGroupToOrganisation).
 */
export function startProvisioning(
  ctx: DomainContext,
  groupId: string,
  actor: Actor,
): Promise<{ provisioning: ProvisioningView; started: ProvisioningStarted }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'provision', group.name);
    if (!group.organisationId) throw new GroupNotInOrganisation(group.name);
    const record = await repos.groupProvisioning.find(group.id);
    if (record?.state === 'provisioning') throw new ProvisioningInProgress(group.name);
    const now = ctx.clock.now();
    const started: ProvisioningStarted = record?.state === 'provisioned' ? 'member-sync' : 'provisioning';
    if (started === 'provisioning') {
      if (!(await startRun(repos, group.id, record, actor.personId, now)))
        throw new ProvisioningInProgress(group.name);
    } else {
      await requestMemberSync(repos, [group.id], now);
      await repos.audit.append(
        auditEntry(now, actor.personId, 'group.member-sync-requested', group.id, {
          previousError: record?.lastError ?? null,
        }),
      );
    }
    return { provisioning: provisioningView(await repos.groupProvisioning.find(group.id)), started };
  });
}

/**
 * Starts a provisioning run, audited, for an organisation group with no team yet (`record`
 * undefined) or whose last run gave up; false when another request started one first.
 */
export async function startRun(
  repos: Repositories,
  groupId: string,
  record: GroupProvisioning | undefined,
  actorId: string,
  now: Date,
): Promise<boolean> {
  if (!(await requestProvisioning(repos, groupId, now, record))) return false;
  await repos.audit.append(
    auditEntry(now, actorId, 'group.provisioning-requested', groupId, {
      previousState: record?.state ?? 'not-provisioned',
      previousError: record?.lastError ?? null,
    }),
  );
  return true;
}
