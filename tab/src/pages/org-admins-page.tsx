import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import type { OrgAdminsPanel, OrgAdminView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { AccountCreationSettingsPanel } from '../components/account-creation-settings-panel';
import { OrganisationLanguagePanel } from '../components/organisation-language-panel';
import { useFittedSelectStyles, useStackedTableStyles } from '../components/phone-layout';
import { ErrorState } from '../components/states';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  reasons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reason: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Why the Remove button is missing, in words. */
function notRemovable(admin: OrgAdminView): string {
  if (admin.reasons.some((r) => r.managedIn === 'entra')) return 'Managed in Microsoft Entra';
  return 'The last org admin';
}

/**
 * Org admins: who runs Convene for the organisation and why. Entra's admins (directory roles, the
 * app role, the configured group) are shown but changed in Entra; org admins name and remove others.
 */
export default function OrgAdminsPage() {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const t = useStackedTableStyles();
  const panel = useApi<OrgAdminsPanel>('/api/v1/portal/org-admins');
  const [pick, setPick] = useState('');
  const [account, setAccount] = useState('');
  const { error, run: act } = useAction(() => {
    setPick('');
    setAccount('');
    panel.reload();
  });
  if (panel.error !== undefined) return <ErrorState error={panel.error} onRetry={panel.reload} />;
  if (!panel.data) return <Spinner label="Loading org admins…" />;
  const { organisation, admins, candidates } = panel.data;
  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1">Org admins</Title2>
        <Text block>
          Org admins run Convene for {organisation.displayName}: bulk upload, the group hierarchy, champs,
          Create teams and resources. Global Administrators, Teams Administrators and holders of the
          Convene.OrgAdmin app role in Microsoft Entra are org admins automatically; that is changed in the
          Microsoft Entra admin center. Here you can name others.
        </Text>
      </div>
      <Table aria-label="Org admins" className={t.table}>
        <TableHeader className={t.header}>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Why they are an org admin</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={t.body}>
          {admins.map((admin) => (
            <TableRow key={admin.personId} className={t.row}>
              <TableCell className={t.lead}>
                {admin.name}
                {admin.you && (
                  <>
                    {' '}
                    <Badge appearance="outline">You</Badge>
                  </>
                )}
              </TableCell>
              <TableCell className={t.cell} data-label="Why">
                <div className={styles.reasons}>
                  {admin.reasons.map((reason) => (
                    <span key={reason.source} className={styles.reason}>
                      <Text>{reason.words}</Text>
                      {reason.managedIn === 'entra' && (
                        <Badge appearance="tint" color="informative">
                          Entra
                        </Badge>
                      )}
                      {reason.since && (
                        <Text size={200}>since {new Date(reason.since).toLocaleDateString()}</Text>
                      )}
                    </span>
                  ))}
                </div>
              </TableCell>
              <TableCell className={t.cell} data-label="Actions">
                {admin.removable ? (
                  <Button
                    size="small"
                    onClick={() => act(() => api.del(`/api/v1/portal/org-admins/${admin.personId}`))}
                  >
                    Remove {admin.name}
                  </Button>
                ) : (
                  <Text size={200}>{notRemovable(admin)}</Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error !== undefined && <ErrorState error={error} title="Could not change the org admins" />}
      <section aria-label="Name an org admin">
        <Title3 as="h2">Name an org admin</Title3>
        <div className={styles.row}>
          <Field label="Someone who has used Convene" className={fitted.field}>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              value={pick}
              onChange={(_e, d) => setPick(d.value)}
            >
              <option value="">Choose a person…</option>
              {candidates.map((c) => (
                <option key={c.personId} value={c.personId}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={!pick}
            onClick={() => act(() => api.post('/api/v1/portal/org-admins', { personId: pick }))}
          >
            Make org admin
          </Button>
          <Field label="…or their Microsoft 365 account">
            <Input
              type="email"
              placeholder="name@contoso.com"
              value={account}
              onChange={(_e, d) => setAccount(d.value)}
            />
          </Field>
          <Button
            disabled={!account.trim()}
            onClick={() => act(() => api.post('/api/v1/portal/org-admins', { account: account.trim() }))}
          >
            Add by account
          </Button>
        </div>
      </section>
      <AccountCreationSettingsPanel />
      <OrganisationLanguagePanel />
    </div>
  );
}
