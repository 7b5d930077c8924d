import { MAX_SLIPS_PER_PDF } from '../../src/domain/slips/slip';
import { SLIP_LINK_MINUTES, slipDownloadLinks } from '../../src/domain/slips/slip-download-link';
import type { GroupRef, Session } from '../session';
import { cardReply, type Reply } from './reply';

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
  const downloads = links.tickets.slice(0, MAX_BUTTONS).map((ticket, i) => ({
    title:
      parts === 1
        ? 'Printable slips (PDF)'
        : `Slips ${i * MAX_SLIPS_PER_PDF + 1}–${Math.min((i + 1) * MAX_SLIPS_PER_PDF, links.people)} (PDF)`,
    url: `${publicBaseUrl()}/rollout/slips?ticket=${encodeURIComponent(ticket)}`,
  }));
  return cardReply(
    'slips',
    {
      groupName: links.group.name,
      people: String(links.people),
      validFor: `${SLIP_LINK_MINUTES} minutes`,
      downloads,
      notice:
        parts > MAX_BUTTONS
          ? `The group has ${links.people} people: print the rest from the group's page in the Convene tab.`
          : '',
    },
    'Here are the slips.',
  );
}
