import { MAX_SLIPS_PER_PDF } from '../../src/domain/slips/slip';
import { SLIP_LINK_MINUTES, slipDownloadLinks } from '../../src/domain/slips/slip-download-link';
import type { GroupRef, Session } from '../session';
import type { Reply } from './reply';

/** Teams shows at most six buttons on a card. */
const MAX_BUTTONS = 6;

/**
 * `slips <group>`: a card with short-lived links to the printable slips. A bot cannot simply post a
 * PDF into a personal chat (Teams' file consent flow uploads it to the person's OneDrive), so the card
 * links to a signed download that opens in the browser (see docs/onboarding-slips.md).
 */
export async function slipsReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const { ctx, slipTickets, publicBaseUrl } = session.deps;
  const links = await slipDownloadLinks({ ...ctx, slipTickets }, { groupId }, await session.actor());
  const parts = links.tickets.length;
  const { words } = session;
  const downloads = links.tickets.slice(0, MAX_BUTTONS).map((ticket, i) => ({
    title:
      parts === 1
        ? words.t('bot.slips.single')
        : words.t('bot.slips.part', {
            from: i * MAX_SLIPS_PER_PDF + 1,
            to: Math.min((i + 1) * MAX_SLIPS_PER_PDF, links.people),
          }),
    url: `${publicBaseUrl()}/rollout/slips?ticket=${encodeURIComponent(ticket)}`,
  }));
  return session.card(
    'slips',
    {
      groupName: links.group.name,
      people: words.number(links.people),
      validFor: words.t('bot.slips.validFor', { minutes: SLIP_LINK_MINUTES }),
      downloads,
      notice: parts > MAX_BUTTONS ? words.t('bot.slips.tooMany', { people: links.people }) : '',
    },
    words.t('bot.slips.ack'),
  );
}
