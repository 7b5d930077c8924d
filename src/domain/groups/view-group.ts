import type { Actor } from '../access/actor';
import { assertMay, type GroupAction, may } from '../access/permissions';
import { relationsTo } from '../access/relations';
import type { Role } from '../memberships/membership';
import type { Organisation } from '../organisations/organisation';
import { type ProvisioningView, provisioningView } from '../provisioning/group-provisioning';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Group } from './group';
import { loadGroup } from './load-group';

/** A group as one person sees it: what it is, their place in it, and what they may do there. */
export interface GroupView {
  group: Group;
  organisation: Organisation | null;
  role: Role | null;
  memberCount: number;
  allowed: Record<GroupAction, boolean>;
  /** Where the group stands in the tenant (its Microsoft 365 group and team). */
  provisioning: ProvisioningView;
  /** Join requests waiting for an answer; counted only for those who may answer them (0 otherwise). */
  pendingJoinRequests: number;
  /** The group photo's validator (it changes with the picture), or null when the group has none. */
  photoEtag: string | null;
}

const actions: GroupAction[] = [
  'view',
  'manage-members',
  'manage-admins',
  'invite',
  'map-to-organisation',
  'arrange-hierarchy',
  'assign-champs',
  'provision',
  'print-slips',
  'change-photo',
];

/** Describes a group for someone who may see it (its cards show only the buttons they may use). */
export function viewGroup(ctx: DomainContext, groupId: string, actor: Actor): Promise<GroupView> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    const relations = await relationsTo(repos, actor, group);
    assertMay(relations, 'view', group.name);
    const [own, counts] = await Promise.all([
      repos.memberships.find(group.id, actor.personId),
      repos.memberships.countStates([group.id]),
    ]);
    const organisation = group.organisationId
      ? ((await repos.organisations.findById(group.organisationId)) ?? null)
      : null;
    const pendingJoinRequests = may(relations, 'manage-members')
      ? ((await repos.joinRequests.countPendingByGroup([group.id], ctx.clock.now().toISOString())).get(
          group.id,
        ) ?? 0)
      : 0;
    return {
      group,
      organisation,
      pendingJoinRequests,
      role: own && own.state !== 'declined' ? own.role : null,
      memberCount: counts.filter((c) => c.state !== 'declined').reduce((sum, c) => sum + c.count, 0),
      provisioning: provisioningView(await repos.groupProvisioning.find(group.id)),
      photoEtag: (await repos.groupPhotos.etags([group.id])).get(group.id) ?? null,
      allowed: Object.fromEntries(actions.map((action) => [action, may(relations, action)])) as Record<
        GroupAction,
        boolean
      >,
    };
  });
}
