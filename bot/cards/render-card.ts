import * as ACData from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';
import type { Translator } from '../../src/i18n/translator';
import addResult from './add-result.json';
import announceCompose from './announce-compose.json';
import announcePreview from './announce-preview.json';
import type { CardDataByName, CardName } from './card-data';
import { cardWords, inDirectionOf } from './card-words';
import group from './group.json';
import groupName from './group-name.json';
import groups from './groups.json';
import inviteLink from './invite-link.json';
import joinRequests from './join-requests.json';
import mapConfirm from './map-confirm.json';
import mapped from './mapped.json';
import members from './members.json';
import poster from './poster.json';
import slips from './slips.json';
import welcome from './welcome.json';

const templates: Record<CardName, ACData.Template> = {
  welcome: new ACData.Template(welcome),
  group: new ACData.Template(group),
  'group-name': new ACData.Template(groupName),
  groups: new ACData.Template(groups),
  'invite-link': new ACData.Template(inviteLink),
  'add-result': new ACData.Template(addResult),
  members: new ACData.Template(members),
  mapped: new ACData.Template(mapped),
  'map-confirm': new ACData.Template(mapConfirm),
  poster: new ACData.Template(poster),
  slips: new ACData.Template(slips),
  'join-requests': new ACData.Template(joinRequests),
  'announce-compose': new ACData.Template(announceCompose),
  'announce-preview': new ACData.Template(announcePreview),
};

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Fills a card template with its typed data and the reader's words (`${words.x}`, from
 * `bot.card.<name>.x` in the catalogue): the one way the bot builds a card. Arabic cards run right to left.
 */
export function renderCard<K extends CardName>(
  name: K,
  data: CardDataByName[K],
  translator: Translator,
): Record<string, unknown> {
  const words = cardWords(name, data, translator);
  const card = templates[name].expand({ $root: { ...data, words } }) as Record<string, unknown>;
  return inDirectionOf(card, translator);
}

/** The rendered card as a message attachment. */
export function cardAttachment<K extends CardName>(
  name: K,
  data: CardDataByName[K],
  translator: Translator,
): Attachment {
  return { contentType: ADAPTIVE_CARD, content: renderCard(name, data, translator) };
}
