import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SettingsCheckItem } from '../../../src/domain/accounts/account-creator.port';
import type {
  AccountCreationSettingsInput,
  AccountCreationSettingsView,
} from '../../../src/domain/accounts/manage-account-creation-settings';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { checkItemWords, entraSettingWords, permissionWhy } from '../i18n/account-setting-words';
import { ErrorState } from './states';

const BASE = '/api/v1/portal/account-creation';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const checkColour = { ok: 'success', missing: 'danger', unknown: 'warning' } as const;
const checkWords = {
  ok: 'tab-org-admins.accounts.state.ok',
  missing: 'tab-org-admins.accounts.state.missing',
  unknown: 'tab-org-admins.accounts.state.unknown',
} as const;

/**
 * Org admins turn account creation on for people known only by phone: sign-in name pattern, domain,
 * licensing group, usage location; the panel says which Graph permissions and Entra settings it needs,
 * and Check verifies what Graph lets Convene read.
 */
export function AccountCreationSettingsPanel() {
  const styles = useStyles();
  const intl = useIntl();
  const say = (id: string) => intl.formatMessage({ id });
  const loaded = useApi<AccountCreationSettingsView>(`${BASE}/settings`);
  const [form, setForm] = useState<AccountCreationSettingsInput>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [checks, setChecks] = useState<SettingsCheckItem[]>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data) {
      const { updatedAt: _updatedAt, ...settings } = loaded.data.settings;
      setForm(settings);
    }
  }, [loaded.data]);
  // Champs and everyone else get a 403: the panel is simply not theirs.
  if (loaded.error !== undefined) return null;
  if (!loaded.data || !form) return <Spinner label={say('tab-org-admins.accounts.loading')} />;
  const set = (change: Partial<AccountCreationSettingsInput>) => {
    setSaved(false);
    setForm({ ...form, ...change });
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={say('tab-org-admins.accounts.section')} className={styles.panel}>
      <Title3 as="h2">{say('tab-org-admins.accounts.title')}</Title3>
      <Text block>{say('tab-org-admins.accounts.intro')}</Text>
      <Text weight="semibold">{say('tab-org-admins.accounts.graphPermissions')}</Text>
      {/* Permission names are Graph's own, left to right; why each is needed is in the reader's language. */}
      <ul className={styles.list}>
        {loaded.data.graphPermissions.map((p) => (
          <li key={p.permission}>
            <Text>
              <bdi dir="ltr">
                <b>{p.permission}</b>
              </bdi>
              {say('tab-org-admins.graph.separator')}
              {permissionWhy(p, intl)}
            </Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold">{say('tab-org-admins.accounts.entraSettings')}</Text>
      <ul className={styles.list}>
        {loaded.data.entraSettings.map((s, i) => (
          <li key={s}>
            <Text>{entraSettingWords(loaded.data?.entraSettingCodes?.[i], s, intl)}</Text>
          </li>
        ))}
      </ul>
      <Switch
        label={say('tab-org-admins.accounts.enabled')}
        checked={form.enabled}
        onChange={(_e, d) => set({ enabled: d.checked })}
      />
      <div className={styles.row}>
        {/* The pattern's placeholders are what the admin types, the same in every language. */}
        <Field
          label={say('tab-org-admins.accounts.pattern')}
          hint={<bdi dir="ltr">{'{first}, {last}, {f}, {l}'}</bdi>}
        >
          <Input dir="ltr" value={form.upnPattern} onChange={(_e, d) => set({ upnPattern: d.value })} />
        </Field>
        <Field label={say('tab-org-admins.accounts.domain')} hint={say('tab-org-admins.accounts.domainHint')}>
          <Input
            dir="ltr"
            value={form.domain}
            placeholder="contoso.com"
            onChange={(_e, d) => set({ domain: d.value })}
          />
        </Field>
        <Field
          label={say('tab-org-admins.accounts.licenceGroup')}
          hint={say('tab-org-admins.accounts.licenceGroupHint')}
        >
          <Input
            dir="ltr"
            value={form.licenceGroupId ?? ''}
            placeholder="00000000-0000-0000-0000-000000000000"
            onChange={(_e, d) => set({ licenceGroupId: d.value || null })}
          />
        </Field>
        <Field label={say('tab-org-admins.accounts.usageLocation')}>
          <Input
            value={form.usageLocationFallback}
            maxLength={2}
            onChange={(_e, d) => set({ usageLocationFallback: d.value })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              await api.put(`${BASE}/settings`, form);
              setSaved(true);
            })
          }
        >
          {say('tab-org-admins.accounts.save')}
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            act(async () =>
              setChecks((await api.post<{ checks: SettingsCheckItem[] }>(`${BASE}/check`)).checks),
            )
          }
        >
          {say('tab-org-admins.accounts.check')}
        </Button>
        {saved && <Text>{say('tab-org-admins.accounts.saved')}</Text>}
      </div>
      {error !== undefined && <ErrorState error={error} title={say('tab-org-admins.accounts.failed')} />}
      {checks && (
        <Table aria-label={say('tab-org-admins.accounts.checks')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{say('tab-org-admins.accounts.needed')}</TableHeaderCell>
              <TableHeaderCell>{say('tab-org-admins.accounts.state')}</TableHeaderCell>
              <TableHeaderCell>{say('tab-org-admins.accounts.details')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {checks.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <bdi>{checkItemWords(c, intl).label}</bdi>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={checkColour[c.state]}>
                    {say(checkWords[c.state])}
                  </Badge>
                </TableCell>
                <TableCell>
                  <bdi>{checkItemWords(c, intl).detail}</bdi>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
