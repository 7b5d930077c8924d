import type { Translator } from '../../../i18n/translator';
import { type Guide, type GuideOutline, guideIn } from './guide';

/** For employees: joining a group and finding their way around it. Short enough to read on a phone. */
export const employeeGuideOutline: GuideOutline = {
  id: 'employee-guide',
  prefix: 'employee',
  audience: 'employees',
  sections: [
    { key: 'whyWe', paragraphs: 1 },
    { key: 'joinYour', steps: 3, paragraphs: 1 },
    { key: 'yourFirst', steps: 3 },
    { key: 'stayOn', bullets: 3 },
    { key: 'goodHabits', bullets: 3 },
    { key: 'needHelp', paragraphs: 1 },
  ],
};

export const employeeGuide = (t: Translator): Guide => guideIn(employeeGuideOutline, t);
