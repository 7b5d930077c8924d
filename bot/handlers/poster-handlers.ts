import QRCode from 'qrcode';
import { standingInviteLink } from '../../src/domain/invites/standing-invite-link';
import type { KitItemId } from '../../src/domain/rollout/rollout-kit';
import type { GroupRef, Session } from '../session';
import { formatDate } from './describe';
import type { Reply } from './reply';

/**
 * The rollout kit's printables on the poster card, by their kit ids (`src/domain/rollout/rollout-kit.ts`);
 * each button's title is `bot.poster.kit.<id>`.
 */
const kitItems = [
  'group-admin-poster',
  'activation-desk-poster',
  'activation-desk-table-tent',
  'activation-desk-faq',
] as const satisfies readonly KitItemId[];

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
  const { words } = session;
  return session.card(
    'poster',
    {
      groupName: issued.group.name,
      inviteUrl,
      qrImage: await QRCode.toDataURL(inviteUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
      validUntil: issued.link.expiresAt
        ? formatDate(issued.link.expiresAt, words)
        : words.t('bot.poster.untilReset'),
      pdfUrl: posterUrl('pdf'),
      pngUrl: posterUrl('png'),
      kit: kitItems.map((item) => ({
        title: words.t(`bot.poster.kit.${item}`),
        url: posterUrl('pdf', item),
      })),
    },
    words.t('bot.poster.ack'),
  );
}
