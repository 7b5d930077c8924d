import type { Actor } from '../access/actor';
import { createInviteLink, type IssuedInviteLink } from '../invites/create-invite-link';
import { standingInviteLink } from '../invites/standing-invite-link';
import type { RolloutContext } from './rollout.ports';

/**
 * The link rollout material shows: the group's standing link, so its posters, templates and slideshow
 * agree; a caller that asks for its own lifetime gets a link of its own.
 */
export function rolloutInviteLink(
  ctx: RolloutContext,
  input: { groupId: string; expiresInDays?: number },
  actor: Actor,
): Promise<IssuedInviteLink> {
  return input.expiresInDays === undefined
    ? standingInviteLink(ctx, { groupId: input.groupId }, actor)
    : createInviteLink(ctx, { groupId: input.groupId, expiresInDays: input.expiresInDays }, actor);
}
