import * as ACData from 'adaptivecards-templating';
import type { Translator } from '../../src/i18n/translator';
import { cardWords, inDirectionOf } from './card-words';
import template from './invite.json';
import { ADAPTIVE_CARD } from './render-card';

/** Where the invitation stands, as the card shows it (its headline and status line follow it). */
export type InviteCardStatus = 'open' | 'joined' | 'declined' | 'problem';

/** The data `invite.json` is filled with. */
export interface InviteCardData {
  inviteId: string;
  groupName: string;
  parentName: string | null;
  inviterName: string;
  memberCount: number;
  status: InviteCardStatus;
}

/**
 * Parsed once: building a Template parses every `${…}` expression with a full expression grammar,
 * which cost more CPU than everything else in sending an invite (thousands are sent a minute).
 */
const inviteTemplate = new ACData.Template(template);

/** Renders the invite card in the reader's language: one template, one typed data object. */
export function renderInviteCard(data: InviteCardData, translator: Translator): Record<string, unknown> {
  const context = {
    $root: {
      ...data,
      words: cardWords('invite', data, translator),
      // Formatted here: the template's string() looks the process locale up on every call.
      memberCountText: translator.number(data.memberCount),
    },
  };
  return inDirectionOf(inviteTemplate.expand(context) as Record<string, unknown>, translator);
}

/** The card as a message attachment. */
export function inviteCardAttachment(
  data: InviteCardData,
  translator: Translator,
): { contentType: string; content: Record<string, unknown> } {
  return { contentType: ADAPTIVE_CARD, content: renderInviteCard(data, translator) };
}
