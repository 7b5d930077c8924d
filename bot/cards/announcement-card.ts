import * as ACData from 'adaptivecards-templating';
import { type Translator, translatorFor } from '../../src/i18n/translator';
import type { AnnouncementCardContent } from '../../src/infra/delivery/announcement-card-content';
import template from './announcement.json';

/** The data `announcement.json` is filled with: the copy's content and where the reader stands. */
export interface AnnouncementCardData extends AnnouncementCardContent {
  /** When this reader acknowledged it (ISO time), or null. */
  acknowledgedAt: string | null;
  /** The public base URL the picture's path hangs from (Teams fetches it over https). */
  baseUrl: string;
  /** The reader's language when known (their own turn: refresh, Acknowledge); else English. */
  translator?: Translator;
}

/** Parsed once (see invite-card.ts: parsing the template costs more than expanding it). */
const announcementTemplate = new ACData.Template(template);

/** Renders one reader's announcement card: one template, one typed data object (the portal previews the same). */
export function renderAnnouncementCard(data: AnnouncementCardData): Record<string, unknown> {
  const tr = data.translator ?? translatorFor('en');
  const { translator: _, ...content } = data;
  const context = {
    $root: {
      ...content,
      rtl: tr.dir === 'rtl',
      reminderText: tr.t('announce.card.reminder'),
      acknowledgeTitle: tr.t('announce.card.acknowledge'),
      byline: tr.t('announce.card.byline', { sender: data.senderName ?? 'Convene', group: data.groupName }),
      linkUrl: data.link?.url ?? '',
      imageUrl: data.imagePath ? `${data.baseUrl}${data.imagePath}` : '',
      linkLabel: data.link?.label ?? '',
      acknowledged: data.acknowledgedAt !== null,
      acknowledgedText: data.acknowledgedAt
        ? tr.t('announce.card.acknowledged', {
            date: tr.date(new Date(data.acknowledgedAt), { dateStyle: 'medium' }),
          })
        : '',
    },
  };
  return announcementTemplate.expand(context) as Record<string, unknown>;
}

export function announcementCardAttachment(data: AnnouncementCardData): {
  contentType: string;
  content: Record<string, unknown>;
} {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: renderAnnouncementCard(data) };
}
