import * as ACData from 'adaptivecards-templating';
import type { GuideSection } from '../../src/domain/rollout/content/guide';
import type { ChampKitContent } from '../../src/domain/rollout/rollout.ports';
import type { ConnectorActivity } from '../../src/infra/delivery/bot-connector-client';
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

export function champKitCardData(content: ChampKitContent): ChampKitCardData {
  return {
    headline: `Your champ kit for ${content.groupName}`,
    intro:
      `${content.senderName ?? 'Your org admin'} made you a champ of ${content.groupName}` +
      `${content.champName ? `, ${content.champName}` : ''}. Here is what a champ does, and the guide to hand to everyone who joins.`,
    guides: content.guides.map((guide) => ({
      title: guide.title,
      summary: guide.summary,
      sections: guide.sections.map((section) => ({ heading: section.heading, text: sectionText(section) })),
    })),
  };
}

/** The proactive message carrying the champ's kit (the champ-kit sender is given this). */
export function renderChampKitActivity(content: ChampKitContent): ConnectorActivity {
  return {
    type: 'message',
    summary: `Your champ kit for ${content.groupName}`,
    attachments: [
      { contentType: ADAPTIVE_CARD, content: champKitTemplate.expand({ $root: champKitCardData(content) }) },
    ],
  };
}
