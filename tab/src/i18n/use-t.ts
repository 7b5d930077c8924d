import { useIntl } from 'react-intl';

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * `t(id, values)`: a catalogue message as plain text, for labels, titles and attributes. Messages with
 * markup inside them use `<FormattedMessage>`; dates and numbers on their own use `useIntl()`'s formatters.
 */
export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}
