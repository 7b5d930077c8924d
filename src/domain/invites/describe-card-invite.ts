import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import type { TeamsIdentity } from '../people/identify-teams-user';
import { personLabel } from '../people/person';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import type { CardInvite } from './card-invite';
import { CardInviteNotFound, CardInviteNotYours } from './card-invite.errors';

/** What an invite card shows about its group, as of now. */
export interface CardInviteSummary {
  invite: CardInvite;
  group: Group;
  parentName: string | null;
  inviterName: string;
  /** People who have joined. */
  memberCount: number;
  /** The person's standing in the group; null once they were removed. */
  membershipState: 'invited' | 'joined' | 'declined' | null;
}

/** Loads the invite for the Teams user it was sent to; anyone else is refused. */
export async function loadOwnCardInvite(
  repos: Repositories,
  inviteId: string,
  identity: TeamsIdentity,
): Promise<CardInviteSummary> {
  const invite = await repos.cardInvites.findById(inviteId);
  if (!invite) throw new CardInviteNotFound(inviteId);
  const person = await repos.people.findById(invite.personId);
  const isTarget =
    (invite.targetAadObjectId === identity.aadObjectId && invite.targetTenantId === identity.tenantId) ||
    (person?.aadObjectId === identity.aadObjectId && person?.tenantId === identity.tenantId);
  if (!isTarget) throw new CardInviteNotYours(inviteId);
  const group = await loadGroup(repos, invite.groupId);
  const [parent, inviter, membership, counts] = await Promise.all([
    group.parentId ? repos.groups.findById(group.parentId) : undefined,
    invite.invitedBy ? repos.people.findById(invite.invitedBy) : undefined,
    repos.memberships.find(group.id, invite.personId),
    repos.memberships.countStates([group.id]),
  ]);
  return {
    invite,
    group,
    parentName: parent?.name ?? null,
    inviterName: inviter ? personLabel(inviter) : 'Convene',
    memberCount: counts.find((c) => c.state === 'joined')?.count ?? 0,
    membershipState: membership?.state ?? null,
  };
}

/** The invite as it stands, for redrawing a card (Teams refreshes cards when they are shown). */
export function describeCardInvite(
  ctx: DomainContext,
  inviteId: string,
  identity: TeamsIdentity,
): Promise<CardInviteSummary> {
  return ctx.uow.run((repos) => loadOwnCardInvite(repos, inviteId, identity));
}
