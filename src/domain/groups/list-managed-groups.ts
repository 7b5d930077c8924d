import type { Actor } from '../access/actor';
import type { ChampOfGroup } from '../access/role.repository';
import type { InvitationState } from '../memberships/membership';
import type { ProvisioningState } from '../provisioning/group-provisioning';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { GroupSummary } from './group.repository';

/** A group in the portal, with how its invitations stand (the adoption chart reads these). */
export interface ManagedGroup extends GroupSummary {
  /** Memberships per invitation state: invited (not yet joined), joined, declined. */
  adoption: Record<InvitationState, number>;
  /** Where its Microsoft 365 group and team stand. */
  teamState: ProvisioningState;
  /** Its champs, named where known (the Champs page lists them without opening each group). */
  champs: Array<Omit<ChampOfGroup, 'groupId'>>;
  /** Its photo's validator, or null when it has none (the tree shows the photo only then). */
  photoEtag: string | null;
}

export interface ManagedGroups {
  /** `organisation`: an org admin sees every group of the organisation; `champ`: only the groups they steward. */
  scope: 'organisation' | 'champ' | 'none';
  groups: ManagedGroup[];
}

/**
 * The groups the portal shows to the actor. Org admins see their whole organisation; champs see
 * the groups they steward and nothing else (the server, not the UI, draws that line).
 */
export function listManagedGroups(ctx: DomainContext, actor: Actor): Promise<ManagedGroups> {
  return ctx.uow.run(async (repos) => {
    const organisation = actor.tenantId
      ? await repos.organisations.findByTenantId(actor.tenantId)
      : undefined;
    let scope: ManagedGroups['scope'] = 'none';
    let groups: GroupSummary[] = [];
    if (organisation && (await repos.roles.isOrgAdmin(organisation.id, actor.personId))) {
      scope = 'organisation';
      groups = await repos.groups.listForOrganisation(organisation.id);
    } else {
      const ids = await repos.roles.listGroupsOfChamp(actor.personId);
      if (ids.length > 0) scope = 'champ';
      const found = await Promise.all(ids.map((id) => repos.groups.findById(id)));
      groups = found
        .filter((group) => group !== undefined)
        .map((group) => ({ ...group, role: null, memberCount: 0 }))
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    const counts = await repos.memberships.countStates(groups.map((group) => group.id));
    const teams = await repos.groupProvisioning.statesOf(groups.map((group) => group.id));
    const champsOf = new Map<string, ManagedGroup['champs']>();
    for (const { groupId, ...champ } of await repos.roles.listChampsOfGroups(groups.map((g) => g.id))) {
      champsOf.set(groupId, [...(champsOf.get(groupId) ?? []), champ]);
    }
    const photos = await repos.groupPhotos.etags(groups.map((group) => group.id));
    return {
      scope,
      groups: groups.map((group) => {
        const adoption: Record<InvitationState, number> = { invited: 0, joined: 0, declined: 0 };
        for (const c of counts) if (c.groupId === group.id) adoption[c.state] = c.count;
        // Member counts leave out those who declined, as everywhere else.
        return {
          ...group,
          memberCount: adoption.invited + adoption.joined,
          adoption,
          teamState: teams.get(group.id) ?? 'not-provisioned',
          champs: champsOf.get(group.id) ?? [],
          photoEtag: photos.get(group.id) ?? null,
        };
      }),
    };
  });
}
