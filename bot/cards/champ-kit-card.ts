import * as ACData from 'adaptivecards-templating';
import type { GuideSection } from '../../src/domain/rollout/content/guide';
import type { ChampKitContent } from '../../src/domain/rollout/rollout.ports';
import { localeFrom } from '../../src/i18n/locales';
import { type Translator, translatorFor } from '../../src/i18n/translator';
import type { ConnectorActivity } from '../../src/infra/delivery/bot-connector-client';
import { inDirectionOf } from './card-words';
import template from './champ-kit.json';
import { ADAPTIVE_CARD } from './render-card';

/** The data `champ-kit.json` is filled with: each guide's sections already as card text. */
export interface ChampKitCardData {
  headline: string;
  intro: string;
  guides: Array<{ title: string; summary: string; sections: Array<{ heading: string; text: string }> }>;
}

const champKitTemplate = new ACData.Template(template);

/** A guide section as one TextBlock's Markdown: paragraphs, then numbered steps, then bullets. */
const sectionText = (section: GuideSection): string =>
  [
    ...(section.paragraphs ?? []),
    ...(section.steps ?? []).map((step, i) => `${i + 1}. ${step}`),
    ...(section.bullets ?? []).map((bullet) => `- ${bullet}`),
  ].join('\n\n');

/** The card's own words in the champ's language; the guides come as the rollout kit wrote them. */
export function champKitCardData(content: ChampKitContent, words: Translator): ChampKitCardData {
  return {
    headline: words.t('bot.champKit.headline', { groupName: content.groupName }),
    intro: words.t('bot.champKit.intro', {
      sender: content.senderName ?? words.t('bot.champKit.yourOrgAdmin'),
      groupName: content.groupName,
      champName: content.champName ?? '',
      named: content.champName ? 'yes' : 'no',
    }),
    guides: content.guides.map((guide) => ({
      title: guide.title,
      summary: guide.summary,
      sections: guide.sections.map((section) => ({ heading: section.heading, text: sectionText(section) })),
    })),
  };
}

/** The proactive message carrying the champ's kit (the champ-kit sender is given this), in their language. */
export function renderChampKitActivity(content: ChampKitContent): ConnectorActivity {
  const words = translatorFor(localeFrom(content.locale));
  const card = champKitTemplate.expand({ $root: champKitCardData(content, words) }) as Record<
    string,
    unknown
  >;
  return {
    type: 'message',
    summary: words.t('bot.champKit.headline', { groupName: content.groupName }),
    attachments: [{ contentType: ADAPTIVE_CARD, content: inDirectionOf(card, words) }],
  };
}
