import type { Translator } from '../../../i18n/translator';
import { type Guide, type GuideOutline, guideIn } from './guide';

/** For champs: the people who make a group's move stick. */
export const champGuidelinesOutline: GuideOutline = {
  id: 'champ-guidelines',
  prefix: 'champs',
  audience: 'champs',
  sections: [
    { key: 'yourRole', paragraphs: 1 },
    { key: 'userEngagement', steps: 5 },
    { key: 'contentModeration', bullets: 4 },
    { key: 'helpingUsers', bullets: 4 },
    { key: 'userManagement', bullets: 4 },
  ],
};

export const champGuidelines = (t: Translator): Guide => guideIn(champGuidelinesOutline, t);
