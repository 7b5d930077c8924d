import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { directionOf, localeFrom } from '../../../src/i18n/locales';

/**
 * Phone numbers, e-mail addresses and sign-in names always read left to right: inside Arabic text a
 * leading "+" would otherwise land on the wrong end of the number.
 */
export function LeftToRight({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/**
 * The same for words that must be a string (a message's value, an option, a label): wrapped in
 * Unicode's left-to-right isolate in a right-to-left language, left as they are otherwise.
 */
export function useLeftToRight(): (text: string) => string {
  const { locale } = useIntl();
  return directionOf(localeFrom(locale)) === 'rtl' ? (text) => `\u2066${text}\u2069` : (text) => text;
}
