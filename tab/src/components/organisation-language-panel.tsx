import { Card, Field, MessageBar, Select, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { PRINT_LANGUAGES } from './print-language-picker';
import { errorText } from './states';

interface OrganisationLanguage {
  language: string;
  languages: string[];
}

/** Org admins choose the language the organisation's posters, slips and rollout kit print in by default. */
export function OrganisationLanguagePanel() {
  const intl = useIntl();
  const setting = useApi<OrganisationLanguage>('/api/v1/portal/organisation/language');
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<string>();
  if (!setting.data) return null;

  const choose = async (language: string) => {
    setSaved(undefined);
    setError(undefined);
    try {
      await api.put('/api/v1/portal/organisation/language', { language });
      setting.reload();
      setSaved(PRINT_LANGUAGES.find((l) => l.code === language)?.name ?? language);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card>
      <Title3 as="h2">{intl.formatMessage({ id: 'tab-resources.orgLanguage.title' })}</Title3>
      <Text>{intl.formatMessage({ id: 'tab-resources.orgLanguage.hint' })}</Text>
      <Field label={intl.formatMessage({ id: 'tab-resources.language.label' })}>
        <Select value={setting.data.language} onChange={(_, data) => choose(data.value)}>
          {PRINT_LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </Select>
      </Field>
      {saved && (
        <MessageBar intent="success">
          {intl.formatMessage({ id: 'tab-resources.orgLanguage.saved' }, { language: saved })}
        </MessageBar>
      )}
      {error && <MessageBar intent="error">{error}</MessageBar>}
    </Card>
  );
}
