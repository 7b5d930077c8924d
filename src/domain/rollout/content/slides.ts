import type { Translator } from '../../../i18n/translator';

/** One slide of the lobby slideshow. The "join" slide carries the QR code when a group's link is given. */
export interface Slide {
  id: 'why' | 'how' | 'join' | 'help';
  title: string;
  lines: string[];
}

/** The slides in the translator's language (`print.slides.*`). */
export const slides = (t: Translator): Slide[] => [
  {
    id: 'why',
    title: t.t('print.slides.why.title'),
    lines: [t.t('print.slides.why.line1'), t.t('print.slides.why.line2'), t.t('print.slides.why.line3')],
  },
  {
    id: 'how',
    title: t.t('print.slides.how.title'),
    lines: [t.t('print.slides.how.line1'), t.t('print.slides.how.line2'), t.t('print.slides.how.line3')],
  },
  { id: 'join', title: t.t('print.slides.join.title'), lines: [t.t('print.slides.join.line1')] },
  {
    id: 'help',
    title: t.t('print.slides.help.title'),
    lines: [t.t('print.slides.help.line1'), t.t('print.slides.help.line2')],
  },
];
