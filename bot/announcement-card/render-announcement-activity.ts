import { localeFrom } from '../../src/i18n/locales';
import { translatorFor } from '../../src/i18n/translator';
import type { AnnouncementCardContent } from '../../src/infra/delivery/announcement-card-content';
import type { ConnectorActivity } from '../../src/infra/delivery/bot-connector-client';
import { announcementCardAttachment } from '../cards/announcement-card';

/**
 * The proactive message carrying one person's copy of an announcement (the delivery worker is given
 * this). The card's own words and the notification's summary are in the reader's recorded language
 * (English when none is known yet), as invite cards are; the title and text stay as the sender wrote them.
 */
export function renderAnnouncementActivity(
  content: AnnouncementCardContent,
  baseUrl: string,
): ConnectorActivity {
  const translator = translatorFor(localeFrom(content.locale));
  return {
    type: 'message',
    summary: content.reminder
      ? translator.t('announce.card.reminderSummary', { title: content.title })
      : content.title,
    attachments: [announcementCardAttachment({ ...content, acknowledgedAt: null, baseUrl, translator })],
  };
}
