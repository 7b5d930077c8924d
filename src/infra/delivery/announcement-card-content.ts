import type { ConnectorActivity } from './bot-connector-client';

/** What one person's copy of an announcement says; the bot layer turns it into the Adaptive Card. */
export interface AnnouncementCardContent {
  deliveryId: string;
  title: string;
  body: string;
  senderName: string | null;
  groupName: string;
  link: { url: string; label: string } | null;
  /** The picture's path under the public base URL (`/announcement-images/…`), or null. */
  imagePath: string | null;
  acknowledge: boolean;
  /** A second send to those who have not acknowledged. */
  reminder: boolean;
  /**
   * The reader's language as last recorded from their Teams (`people.locale`), for the card's own
   * words; null or absent means English. The announcement's title and text stay as written.
   */
  locale?: string | null;
}

/** Renders the card activity (injected from the composition root: infra does not import bot/). */
export type RenderAnnouncementActivity = (content: AnnouncementCardContent) => ConnectorActivity;
