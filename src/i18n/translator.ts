import { createIntl, createIntlCache, type FormatNumberOptions, type IntlShape } from '@formatjs/intl';
import { catalogue, type MessageId } from './catalogue';
import { DEFAULT_LOCALE, directionOf, type Locale } from './locales';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** Everything a transport needs to speak one person's language: words, dates, numbers, direction. */
export interface Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  /** The catalogue's message, formatted (ICU plurals, selects, numbers); English if a language lacks it. */
  t(id: MessageId, values?: MessageValues): string;
  /** Whether the catalogue has this message (in English, which every language falls back to). */
  has(id: string): boolean;
  /** The message as written in the catalogue (this language's, else English's), for reading its arguments. */
  message(id: string): string | undefined;
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: FormatNumberOptions): string;
  list(items: readonly string[]): string;
}

const cache = createIntlCache();
const translators = new Map<string, Translator>();

/** One translator per language and time zone, made once (formatters are costly to build, cheap to reuse). */
export function translatorFor(locale: Locale, timeZone?: string): Translator {
  const key = `${locale}|${timeZone ?? ''}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = build(locale, timeZone);
    translators.set(key, translator);
  }
  return translator;
}

function build(locale: Locale, timeZone: string | undefined): Translator {
  const intl: IntlShape<string> = createIntl(
    {
      locale,
      defaultLocale: DEFAULT_LOCALE,
      messages: { ...catalogue.en, ...catalogue[locale] },
      timeZone,
      // A missing translation falls back to English; the completeness test is where gaps are caught.
      onError: () => {},
    },
    cache,
  );
  return {
    locale,
    dir: directionOf(locale),
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string | number | Date>),
    has: (id) => Object.hasOwn(catalogue.en, id),
    message: (id) =>
      (catalogue[locale] as Record<string, string>)[id] ?? (catalogue.en as Record<string, string>)[id],
    date: (value, options) => intl.formatDate(value, options),
    number: (value, options) => intl.formatNumber(value, options),
    list: (items) => intl.formatList(items, { type: 'conjunction' }) as string,
  };
}
