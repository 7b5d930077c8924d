import type { Repositories } from '../shared/unit-of-work.port';
import { InviteExpired, InviteNotFound, InviteRevoked, InviteUsedUp } from './invite.errors';
import { hashInviteToken, type InviteLink, inviteLinkStatus } from './invite-link';

/** The link behind a token, refused with the reason when it can no longer be used. */
export async function loadUsableLink(repos: Repositories, token: string, now: Date): Promise<InviteLink> {
  const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(token));
  if (!link) throw new InviteNotFound();
  const status = inviteLinkStatus(link, now);
  if (status === 'revoked') throw new InviteRevoked();
  if (status === 'expired') throw new InviteExpired(link.expiresAt!);
  if (status === 'used-up') throw new InviteUsedUp(link.maxUses!);
  return link;
}
