import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { CardInviteState } from './card-invite';
import type { CardInviteView } from './card-invite.repository';

export interface CardInviteListing {
  invites: CardInviteView[];
  counts: Partial<Record<CardInviteState, number>>;
}

/** Where every invite card of a group stands, for those who look after its members. */
export function listCardInvites(
  ctx: DomainContext,
  groupId: string,
  actor: Actor,
): Promise<CardInviteListing> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'invite', group.name);
    const [invites, counts] = await Promise.all([
      repos.cardInvites.listByGroup(group.id),
      repos.cardInvites.countByState(group.id),
    ]);
    return { invites, counts };
  });
}
