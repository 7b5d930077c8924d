import type { Attachment } from 'botbuilder';
import { DEFAULT_LOCALE } from '../../src/i18n/locales';
import { type Translator, translatorFor } from '../../src/i18n/translator';
import type { CardDataByName, CardName } from '../cards/card-data';
import { cardAttachment } from '../cards/render-card';

/**
 * What a handler answers. A chat command posts it; a card button either replaces the card with it
 * (when the card's own state changed) or posts it and acknowledges the button with `ack`.
 */
export interface Reply {
  text?: string;
  card?: Attachment;
  /** The short note a pressed button shows when the answer is posted as a new message. */
  ack?: string;
}

export const textReply = (text: string): Reply => ({ text });

/** A card reply; handlers with a session use `session.card`, which passes the sender's translator. */
export const cardReply = <K extends CardName>(
  name: K,
  data: CardDataByName[K],
  ack?: string,
  translator: Translator = translatorFor(DEFAULT_LOCALE),
): Reply => ({ card: cardAttachment(name, data, translator), ack });
