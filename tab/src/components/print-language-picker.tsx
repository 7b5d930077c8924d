import { Field, Select } from '@fluentui/react-components';
import { useIntl } from 'react-intl';

/** Each language named in itself, as a reader of it looks for it. */
export const PRINT_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'hi', name: 'हिन्दी' },
  { code: 'ar', name: 'العربية' },
] as const;

/** The `&lang=` a download adds for the chosen language; nothing for the organisation's own. */
export const langQuery = (lang: string): string => (lang ? `lang=${encodeURIComponent(lang)}` : '');

/**
 * Which language a poster, slip sheet or kit printable is made in: the organisation's by default (the
 * empty choice, so the server applies the setting), or one of Convene's languages.
 */
export function PrintLanguagePicker(props: { value: string; onChange(lang: string): void }) {
  const intl = useIntl();
  return (
    <Field label={intl.formatMessage({ id: 'tab-resources.language.label' })}>
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <option value="">{intl.formatMessage({ id: 'tab-resources.language.organisation' })}</option>
        {PRINT_LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
