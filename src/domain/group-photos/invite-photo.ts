import { hashInviteToken, inviteLinkStatus } from '../invites/invite-link';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { GroupPhoto } from './group-photo';

/**
 * The photo of the group an invite link leads to, for whoever holds the link while it works (the join
 * page shows it): a dead link shows nothing more of the group than its page does.
 */
export function groupPhotoForInvite(ctx: DomainContext, token: string): Promise<GroupPhoto | undefined> {
  return ctx.uow.read(async (repos) => {
    const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(token));
    if (!link || inviteLinkStatus(link, ctx.clock.now()) !== 'active') return undefined;
    return repos.groupPhotos.find(link.groupId);
  });
}
