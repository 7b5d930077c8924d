import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import { type Translator, translatorFor } from '../../i18n/translator';
import type { Organisation } from '../organisations/organisation';

/**
 * The words a poster, slip sheet or kit printable is made in: the language the download asked for, else
 * the organisation's print language, else English.
 */
export const printTranslator = (
  requested: Locale | undefined,
  organisation: Pick<Organisation, 'language'> | null | undefined,
): Translator => translatorFor(requested ?? organisation?.language ?? DEFAULT_LOCALE);
