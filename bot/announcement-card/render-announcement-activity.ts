import type { AnnouncementCardContent } from '../../src/infra/delivery/announcement-card-content';
import type { ConnectorActivity } from '../../src/infra/delivery/bot-connector-client';
import { announcementCardAttachment } from '../cards/announcement-card';

/** The proactive message carrying one person's copy of an announcement (the delivery worker is given this). */
export function renderAnnouncementActivity(
  content: AnnouncementCardContent,
  baseUrl: string,
): ConnectorActivity {
  return {
    type: 'message',
    summary: content.reminder ? `Reminder: ${content.title}` : content.title,
    attachments: [announcementCardAttachment({ ...content, acknowledgedAt: null, baseUrl })],
  };
}
