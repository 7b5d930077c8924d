import { directionOf, type Locale, localeFrom } from '../../../src/i18n/locales';

/**
 * The tab's part of the one message catalogue: its `tab-*.json` namespaces, the domain's coded errors and
 * the shared words. English ships in the first load (it is also every other language's fallback); Hindi
 * and Arabic are fetched on demand, so a first load in English carries no other language.
 */
type Messages = Record<string, string>;

const english = import.meta.glob<Messages>(
  ['../../../src/i18n/messages/en/tab-*.json', '../../../src/i18n/messages/en/{errors,common}.json'],
  { eager: true, import: 'default' },
);

const others = import.meta.glob<Messages>(
  [
    '../../../src/i18n/messages/{hi,ar}/tab-*.json',
    '../../../src/i18n/messages/{hi,ar}/{errors,common}.json',
  ],
  { import: 'default' },
);

const merge = (parts: Messages[]): Messages => Object.assign({}, ...parts);

export interface TabLanguage {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  messages: Messages;
}

/** The words for a Teams locale (`hi-IN`, `ar-SA`, `en-GB`, …): Convene's nearest language, English beneath. */
export async function loadLanguage(teamsLocale: string | undefined): Promise<TabLanguage> {
  const locale = localeFrom(teamsLocale);
  const base = merge(Object.values(english));
  if (locale === 'en') return { locale, dir: 'ltr', messages: base };
  const loaders = Object.entries(others)
    .filter(([file]) => file.includes(`/messages/${locale}/`))
    .map(([, load]) => load());
  return { locale, dir: directionOf(locale), messages: { ...base, ...merge(await Promise.all(loaders)) } };
}
