import Negotiator from 'negotiator';

/** The languages Convene speaks. English is the fallback for everything else. */
export const LOCALES = ['en', 'hi', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar']);

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Which way a language's text runs: the `dir` of a page, a card's `rtl`, a poster's layout. */
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');

/**
 * The first of the given BCP 47 tags (a Teams locale such as `hi-IN`, an activity's `locale`, a stored
 * setting) that Convene speaks, by its language subtag; English when none is.
 */
export function localeFrom(...tags: ReadonlyArray<string | null | undefined>): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** The language an `Accept-Language` header prefers among Convene's, honouring q-values (negotiator). */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const preferred = new Negotiator({ headers: { 'accept-language': header.slice(0, 512) } }).languages();
  return localeFrom(...preferred.filter((tag) => tag !== '*'));
}
