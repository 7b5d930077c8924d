import QRCode from 'qrcode';
import { standingInviteLink } from '../../src/domain/invites/standing-invite-link';
import type { KitItemId } from '../../src/domain/rollout/rollout-kit';
import type { GroupRef, Session } from '../session';
import { formatDate } from './describe';
import { cardReply, type Reply } from './reply';

/** The rollout kit's printables on the poster card, by their kit ids (`src/domain/rollout/rollout-kit.ts`). */
const kitLinks: ReadonlyArray<[title: string, item: KitItemId]> = [
  ['Poster for group admins (PDF)', 'group-admin-poster'],
  ['Activation desk poster (PDF)', 'activation-desk-poster'],
  ['Table tent for the desk (PDF)', 'activation-desk-table-tent'],
  ['FAQ sheet for the desk staff (PDF)', 'activation-desk-faq'],
];

/**
 * `poster <group>`: the group's standing invite link (the one every poster shows) as a QR code,
 * with the printable PDF and the shareable PNG one tap away.
 */
export async function posterReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const { ctx, standingTokens } = session.deps;
  const issued = await standingInviteLink({ ...ctx, standingTokens }, { groupId }, await session.actor());
  const inviteUrl = session.inviteUrl(issued.token);
  const posterUrl = (format: 'pdf' | 'png', kit?: string) =>
    `${session.deps.publicBaseUrl()}/rollout/poster?invite=${encodeURIComponent(issued.token)}&format=${format}${kit ? `&kit=${kit}` : ''}`;
  return cardReply(
    'poster',
    {
      groupName: issued.group.name,
      inviteUrl,
      qrImage: await QRCode.toDataURL(inviteUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
      validUntil: issued.link.expiresAt ? formatDate(issued.link.expiresAt) : 'it is reset',
      pdfUrl: posterUrl('pdf'),
      pngUrl: posterUrl('png'),
      kit: kitLinks.map(([title, item]) => ({ title, url: posterUrl('pdf', item) })),
    },
    'Here is the poster.',
  );
}
