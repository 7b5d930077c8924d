import type { Locale } from '../../i18n/locales';
import type { Actor } from '../access/actor';
import {
  hashInviteToken,
  type InviteLinkStatus,
  inviteLinkStatus,
  inviteUrl as inviteUrlOf,
} from '../invites/invite-link';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { RolloutContext } from './rollout.ports';
import { rolloutInviteLink } from './rollout-invite-link';

/**
 * Issues a link for the lobby slideshow's QR code and returns the slideshow's address. The address holds
 * the invite token, like the invite link itself: whoever sees the screen may join, which is the point.
 */
export async function slideshowLink(
  ctx: RolloutContext,
  input: { groupId: string; expiresInDays?: number },
  actor: Actor,
): Promise<{
  url: string;
  inviteUrl: string;
  expiresAt: string | null;
  group: { id: string; name: string };
}> {
  const issued = await rolloutInviteLink(ctx, input, actor);
  const base = ctx.publicBaseUrl();
  return {
    url: `${base}/rollout/slideshow?invite=${issued.token}`,
    inviteUrl: inviteUrlOf(base, issued.token),
    expiresAt: issued.link.expiresAt,
    group: { id: issued.group.id, name: issued.group.name },
  };
}

/**
 * What the slideshow may show for an invite token: the group's name and whether the link still works,
 * so a lobby screen never shows a dead QR code, and its organisation's print language, the slideshow's
 * default. Nothing else about the group is revealed.
 */
export function describeSlideshowInvite(
  ctx: DomainContext,
  token: string,
): Promise<
  | { groupName: string; status: InviteLinkStatus; expiresAt: string | null; language: Locale | undefined }
  | undefined
> {
  return ctx.uow.run(async (repos) => {
    const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(token));
    if (!link) return undefined;
    const group = await repos.groups.findById(link.groupId);
    if (!group) return undefined;
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    return {
      language: organisation?.language ?? undefined,
      groupName: group.name,
      status: inviteLinkStatus(link, ctx.clock.now()),
      expiresAt: link.expiresAt,
    };
  });
}
