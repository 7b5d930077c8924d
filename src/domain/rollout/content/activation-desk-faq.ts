import type { Translator } from '../../../i18n/translator';
import { type Guide, type GuideOutline, guideIn } from './guide';

/** For the people staffing the activation desk: the questions they will hear, with the answers. */
export const activationDeskFaqOutline: GuideOutline = {
  id: 'activation-desk-faq',
  prefix: 'deskFaq',
  audience: 'desk staff',
  sections: [
    { key: 'beforeThe', steps: 3 },
    { key: 'whenSomeone', steps: 3 },
    { key: 'questionsYou', bullets: 6 },
    { key: 'whenTo', bullets: 3 },
  ],
};

export const activationDeskFaq = (t: Translator): Guide => guideIn(activationDeskFaqOutline, t);
