import type { ReactNode } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import { directionOf, localeFrom } from '../../../src/i18n/locales';

/**
 * Phone numbers, e-mail addresses and sign-in names always read left to right: inside Arabic text a
 * leading "+" would otherwise land on the wrong end of the number.
 */
export function LeftToRight({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

const rightToLeft = (intl: IntlShape): boolean => directionOf(localeFrom(intl.locale)) === 'rtl';
const same = (text: string) => text;

/**
 * The same for words that must be a string (a message's value, an option, a label): wrapped in
 * Unicode's left-to-right isolate in a right-to-left language, left as they are otherwise.
 */
export const leftToRightIn = (intl: IntlShape): ((text: string) => string) =>
  rightToLeft(intl) ? (text) => `\u2066${text}\u2069` : same;

export const useLeftToRight = (): ((text: string) => string) => leftToRightIn(useIntl());

/**
 * A name in any script (a Latin group name in an Arabic list, an Arabic one in English) set apart with
 * Unicode's first-strong isolate in a right-to-left language, so the words around it keep their order.
 */
export const isolatedIn = (intl: IntlShape): ((text: string) => string) =>
  rightToLeft(intl) ? (text) => `\u2068${text}\u2069` : same;
