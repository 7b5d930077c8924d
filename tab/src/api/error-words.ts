import type { IntlShape } from '@formatjs/intl';
import { type CodedError, errorWords } from '../../../src/i18n/error-words';
import { directionOf, localeFrom } from '../../../src/i18n/locales';
import type { MessageValues, Translator } from '../../../src/i18n/translator';
import { ApiError } from './api-error';

/**
 * Failures the tab notices itself, before any server answers: their words live in `tab-common`, since
 * the domain's `errors.<CODE>` catalogue only knows the server's codes.
 */
const clientCodes: Readonly<Record<string, string>> = {
  NETWORK: 'tab-common.error.network',
  HTTP_ERROR: 'tab-common.error.http',
  DOWNLOAD_FAILED: 'tab-common.error.download',
};

/** What the words need of react-intl's `intl` (@formatjs/intl's has the same, so a test can make one). */
type Intl = Pick<
  IntlShape,
  'locale' | 'messages' | 'formatMessage' | 'formatDate' | 'formatNumber' | 'formatList'
>;

/** The tab's react-intl as the server's `Translator`, so a coded error is worded by the one `errorWords`. */
function translatorOf(intl: Intl): Translator {
  const locale = localeFrom(intl.locale);
  return {
    locale,
    dir: directionOf(locale),
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string | number | Date>),
    has: (id) => Object.hasOwn(intl.messages, id),
    message: (id) => {
      const message = intl.messages[id];
      return typeof message === 'string' ? message : undefined;
    },
    date: (value, options) => intl.formatDate(value, options),
    number: (value, options) => intl.formatNumber(value, options),
    list: (items) => intl.formatList(items, { type: 'conjunction' }),
  };
}

/**
 * What went wrong, in the reader's language: an API refusal by its code from the catalogue, filled from
 * its details (its own message while the catalogue lacks the code); another error, its own message; else
 * a plain apology.
 */
export function apiErrorWords(error: unknown, intl: Intl): string {
  if (error instanceof ApiError) {
    const own = clientCodes[error.code];
    if (own) return intl.formatMessage({ id: own }, { status: error.status } as MessageValues);
    return errorWords(error, translatorOf(intl));
  }
  if (error instanceof Error && error.message) return error.message;
  return intl.formatMessage({ id: 'tab-common.error.unknown' });
}

/** A coded refusal reported inside an answer (one number of several refused), in the reader's language. */
export const codedErrorWords = (coded: CodedError, intl: Intl): string =>
  errorWords(coded, translatorOf(intl));
