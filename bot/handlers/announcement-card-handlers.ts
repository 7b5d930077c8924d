import { announcementImagePath } from '../../src/domain/announcements/announcement-image';
import {
  type AnnouncementCardState,
  acknowledgeAnnouncement,
  describeAnnouncementCopy,
} from '../../src/domain/announcements/answer-announcement';
import { localeFrom } from '../../src/i18n/locales';
import { translatorFor } from '../../src/i18n/translator';
import { announcementCardAttachment } from '../cards/announcement-card';
import type { Session } from '../session';
import type { Reply } from './reply';

/** The reader's copy of an announcement as it stands for them (Acknowledge gone once pressed). */
function cardFor(session: Session, state: AnnouncementCardState): Reply {
  const a = state.announcement;
  return {
    card: announcementCardAttachment({
      deliveryId: state.deliveryId,
      title: a.title,
      body: a.body,
      senderName: state.senderName,
      groupName: state.groupName,
      link: a.link,
      imagePath: announcementImagePath(a.image),
      baseUrl: session.deps.publicBaseUrl(),
      // Teams asks for the card (refresh) as each reader opens it: it is drawn in their language.
      translator: translatorFor(localeFrom(session.turn.activity.locale)),
      acknowledge: a.acknowledge,
      reminder: false,
      acknowledgedAt: state.acknowledgedAt,
    }),
  };
}

/** Acknowledge: records "I have read this" for the person who pressed it (once; the use case checks it is theirs). */
export async function acknowledgeAnnouncementReply(session: Session, deliveryId: string): Promise<Reply> {
  return cardFor(session, await acknowledgeAnnouncement(session.deps.ctx, deliveryId, session.identity));
}

/** Refresh (Teams asks when the card is shown): the viewer's own copy as it stands, nothing changed. */
export async function refreshAnnouncementReply(session: Session, deliveryId: string): Promise<Reply> {
  return cardFor(session, await describeAnnouncementCopy(session.deps.ctx, deliveryId, session.identity));
}
