import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'restify';
import { isLocale, type Locale, localeFromAcceptLanguage } from '../../i18n/locales';
import { type Translator, translatorFor } from '../../i18n/translator';
import { appendCookie } from './append-cookie';

/** The join pages' remembered language: a choice from the switcher, not a session (no token in it). */
export const LANGUAGE_COOKIE = 'convene_lang';
const A_YEAR = 365 * 24 * 60 * 60;

/** Which language a join page speaks, and whether this request chose it (`?lang=`). */
export interface JoinLanguage {
  translator: Translator;
  /** Set when the address carried a valid `?lang=`: the page remembers it. */
  chosen: Locale | undefined;
}

/**
 * The reader's language: a `?lang=` from the switcher (only Convene's languages count), else the
 * choice remembered in the cookie, else the browser's `Accept-Language`, else English.
 */
export function joinLanguageOf(req: Request): JoinLanguage {
  // Read from the address itself: the busy page answers before restify has parsed the query.
  const asked = new URL(req.url ?? '/', 'http://page').searchParams.get('lang');
  const chosen = isLocale(asked) ? asked : undefined;
  const remembered = parseCookie(String(req.headers.cookie ?? ''))[LANGUAGE_COOKIE];
  const locale =
    chosen ?? (isLocale(remembered) ? remembered : localeFromAcceptLanguage(req.headers['accept-language']));
  return { translator: translatorFor(locale), chosen };
}

/** Remembers a chosen language for the join pages (and the sign-in pages on the way), beside any other cookie. */
export function rememberLanguage(res: Response, locale: Locale, secure: boolean): void {
  const cookie = stringifySetCookie(LANGUAGE_COOKIE, locale, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/join',
    maxAge: A_YEAR,
  });
  appendCookie(res, cookie);
}
