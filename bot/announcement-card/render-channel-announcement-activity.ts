import type { AnnouncementCardContent } from '../../src/infra/delivery/announcement-card-content';
import type { ConnectorActivity } from '../../src/infra/delivery/bot-connector-client';
import { renderAnnouncementCard } from '../cards/announcement-card';

/**
 * The post in a team's General channel: the same card members get in their chat, without what belongs
 * to one reader (Acknowledge, and the `refresh` that redraws a person's own copy); those stay in the 1:1
 * chats, where each acknowledgement is counted. In English: a channel has many readers.
 */
export function renderChannelAnnouncementActivity(
  content: AnnouncementCardContent,
  baseUrl: string,
): ConnectorActivity {
  const { refresh: _, ...card } = renderAnnouncementCard({
    ...content,
    acknowledge: false,
    reminder: false,
    acknowledgedAt: null,
    baseUrl,
  });
  return {
    type: 'message',
    summary: content.title,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
