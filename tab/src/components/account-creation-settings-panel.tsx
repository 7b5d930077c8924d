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
import type { SettingsCheckItem } from '../../../src/domain/accounts/account-creator.port';
import type {
  AccountCreationSettingsInput,
  AccountCreationSettingsView,
} from '../../../src/domain/accounts/manage-account-creation-settings';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorState } from './states';

const BASE = '/api/v1/portal/account-creation';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const checkColour = { ok: 'success', missing: 'danger', unknown: 'warning' } as const;
const checkWords = { ok: 'OK', missing: 'Missing', unknown: 'Check in Entra' } as const;

/**
 * Org admins turn account creation on for people known only by phone: sign-in name pattern, domain,
 * licensing group, usage location; the panel says which Graph permissions and Entra settings it needs,
 * and Check verifies what Graph lets Convene read.
 */
export function AccountCreationSettingsPanel() {
  const styles = useStyles();
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
  if (!loaded.data || !form) return <Spinner label="Loading account creation settings…" />;
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
    <section aria-label="Create accounts" className={styles.panel}>
      <Title3 as="h2">Create accounts for people without one</Title3>
      <Text block>
        People added by phone whom the directory cannot match can get a Microsoft 365 account that signs in
        with a code sent to their phone. Off until you turn it on here.
      </Text>
      <Text weight="semibold">Graph application permissions (admin consent) it needs</Text>
      <ul className={styles.list}>
        {loaded.data.graphPermissions.map((p) => (
          <li key={p.permission}>
            <Text>
              <b>{p.permission}</b>: {p.why}
            </Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold">Microsoft Entra settings it needs</Text>
      <ul className={styles.list}>
        {loaded.data.entraSettings.map((s) => (
          <li key={s}>
            <Text>{s}</Text>
          </li>
        ))}
      </ul>
      <Switch
        label="Convene may create accounts"
        checked={form.enabled}
        onChange={(_e, d) => set({ enabled: d.checked })}
      />
      <div className={styles.row}>
        <Field label="Sign-in name pattern" hint="{first}, {last}, {f}, {l}">
          <Input value={form.upnPattern} onChange={(_e, d) => set({ upnPattern: d.value })} />
        </Field>
        <Field label="Domain" hint="A verified domain of your organisation">
          <Input
            value={form.domain}
            placeholder="contoso.com"
            onChange={(_e, d) => set({ domain: d.value })}
          />
        </Field>
        <Field label="Licensing group id" hint="Group-based licensing (F1/F3)">
          <Input
            value={form.licenceGroupId ?? ''}
            placeholder="00000000-0000-0000-0000-000000000000"
            onChange={(_e, d) => set({ licenceGroupId: d.value || null })}
          />
        </Field>
        <Field label="Usage location if the number's country is unknown">
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
          Save
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            act(async () =>
              setChecks((await api.post<{ checks: SettingsCheckItem[] }>(`${BASE}/check`)).checks),
            )
          }
        >
          Check
        </Button>
        {saved && <Text>Saved.</Text>}
      </div>
      {error !== undefined && <ErrorState error={error} title="Could not save or check the settings" />}
      {checks && (
        <Table aria-label="What Check found">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Needed</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {checks.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.label}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={checkColour[c.state]}>
                    {checkWords[c.state]}
                  </Badge>
                </TableCell>
                <TableCell>{c.detail}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
