import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { type Translator, translatorFor } from '../../../i18n/translator';
import type { PosterSpec } from '../rollout.ports';

/** The three steps to join, as every Convene poster prints them; the buttons named are the join page's. */
export const joinSteps = (t: Translator): string[] => [
  t.t('print.poster.join.step1'),
  t.t('print.poster.join.step2'),
  t.t('print.poster.join.step3'),
];

const POSTER_DATE = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

/**
 * "5 March 2026", "5 मार्च 2026", "٥ مارس ٢٠٢٦": unambiguous on a wall in any country. English keeps the
 * day first (en-GB), as readers of English in India and the Gulf write dates.
 */
export const posterDate = (iso: string, t: Translator = translatorFor(DEFAULT_LOCALE)): string =>
  t.locale === 'en'
    ? new Date(iso).toLocaleDateString('en-GB', POSTER_DATE)
    : t.date(new Date(iso), POSTER_DATE);

/** The organisation-wide poster: why the move happens and where to ask, without a group's link. */
export function genericPosterSpec(organisationName: string | null, t: Translator): PosterSpec {
  return {
    locale: t.locale,
    dir: t.dir,
    kicker: organisationName ?? t.t('print.kicker.default'),
    headline: t.t('print.poster.generic.headline'),
    intro: t.t('print.poster.generic.intro'),
    steps: [
      t.t('print.poster.generic.step1'),
      t.t('print.poster.generic.step2'),
      t.t('print.poster.generic.step3'),
    ],
    footer: t.t('print.poster.generic.footer'),
  };
}

/** The poster for one group: its name, its invite link as a QR code, and how to join. */
export function groupPosterSpec(
  input: {
    groupName: string;
    organisationName: string | null;
    inviteUrl: string;
    validUntil: string | null;
  },
  t: Translator,
): PosterSpec {
  return {
    locale: t.locale,
    dir: t.dir,
    kicker: input.organisationName ?? t.t('print.kicker.default'),
    headline: input.groupName,
    intro: t.t('print.poster.group.intro'),
    steps: joinSteps(t),
    qr: {
      url: input.inviteUrl,
      caption: input.validUntil
        ? t.t('print.poster.group.captionUntil', { date: posterDate(input.validUntil, t) })
        : t.t('print.poster.group.caption'),
    },
    footer: t.t('print.poster.group.footer', { url: input.inviteUrl }),
  };
}
