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
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { OrgAdminsPanel, OrgAdminView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { AccountCreationSettingsPanel } from '../components/account-creation-settings-panel';
import { isolatedIn } from '../components/left-to-right';
import { OrganisationLanguagePanel } from '../components/organisation-language-panel';
import { useFittedSelectStyles, useStackedTableStyles } from '../components/phone-layout';
import { ErrorState } from '../components/states';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  reasons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reason: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Why the Remove button is missing: the message that says it. */
function notRemovable(admin: OrgAdminView): string {
  if (admin.reasons.some((r) => r.managedIn === 'entra')) return 'tab-org-admins.managedInEntra';
  return 'tab-org-admins.lastOne';
}

/**
 * Org admins: who runs Convene for the organisation and why. Entra's admins (directory roles, the
 * app role, the configured group) are shown but changed in Entra; org admins name and remove others.
 */
export default function OrgAdminsPage() {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const t = useStackedTableStyles();
  const intl = useIntl();
  const isolate = isolatedIn(intl);
  const say = (id: string, values?: Record<string, string | number | Date>) =>
    intl.formatMessage({ id }, values);
  const panel = useApi<OrgAdminsPanel>('/api/v1/portal/org-admins');
  const [pick, setPick] = useState('');
  const [account, setAccount] = useState('');
  const { error, run: act } = useAction(() => {
    setPick('');
    setAccount('');
    panel.reload();
  });
  if (panel.error !== undefined) return <ErrorState error={panel.error} onRetry={panel.reload} />;
  if (!panel.data) return <Spinner label={say('tab-org-admins.loading')} />;
  const { organisation, admins, candidates } = panel.data;
  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1">{say('tab-org-admins.title')}</Title2>
        <Text block>{say('tab-org-admins.intro', { organisation: organisation.displayName })}</Text>
      </div>
      <Table aria-label={say('tab-org-admins.table')} className={t.table}>
        <TableHeader className={t.header}>
          <TableRow>
            <TableHeaderCell>{say('tab-org-admins.column.name')}</TableHeaderCell>
            <TableHeaderCell>{say('tab-org-admins.column.why')}</TableHeaderCell>
            <TableHeaderCell>{say('tab-org-admins.column.actions')}</TableHeaderCell>
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
                    <Badge appearance="outline">{say('tab-org-admins.you')}</Badge>
                  </>
                )}
              </TableCell>
              <TableCell className={t.cell} data-label={say('tab-org-admins.column.whyShort')}>
                <div className={styles.reasons}>
                  {admin.reasons.map((reason) => (
                    <span key={reason.source} className={styles.reason}>
                      <Text>
                        {/* By the reason's source; a name that made the grant keeps its own direction. */}
                        {intl.formatMessage(
                          { id: `tab-org-admins.reason.${reason.source}` },
                          { by: reason.grantedBy === null ? null : isolate(reason.grantedBy) },
                        )}
                      </Text>
                      {reason.managedIn === 'entra' && (
                        <Badge appearance="tint" color="informative">
                          {say('tab-org-admins.entra')}
                        </Badge>
                      )}
                      {reason.since && (
                        <Text size={200}>
                          {say('tab-org-admins.since', { since: new Date(reason.since) })}
                        </Text>
                      )}
                    </span>
                  ))}
                </div>
              </TableCell>
              <TableCell className={t.cell} data-label={say('tab-org-admins.column.actions')}>
                {admin.removable ? (
                  <Button
                    size="small"
                    onClick={() => act(() => api.del(`/api/v1/portal/org-admins/${admin.personId}`))}
                  >
                    {say('tab-org-admins.remove', { name: admin.name })}
                  </Button>
                ) : (
                  <Text size={200}>{say(notRemovable(admin))}</Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error !== undefined && <ErrorState error={error} title={say('tab-org-admins.changeFailed')} />}
      <section aria-label={say('tab-org-admins.name.heading')}>
        <Title3 as="h2">{say('tab-org-admins.name.heading')}</Title3>
        <div className={styles.row}>
          <Field label={say('tab-org-admins.name.pick')} className={fitted.field}>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              value={pick}
              onChange={(_e, d) => setPick(d.value)}
            >
              <option value="">{say('tab-org-admins.name.choose')}</option>
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
            {say('tab-org-admins.name.make')}
          </Button>
          <Field label={say('tab-org-admins.name.account')}>
            <Input
              type="email"
              dir="ltr"
              placeholder="name@contoso.com"
              value={account}
              onChange={(_e, d) => setAccount(d.value)}
            />
          </Field>
          <Button
            disabled={!account.trim()}
            onClick={() => act(() => api.post('/api/v1/portal/org-admins', { account: account.trim() }))}
          >
            {say('tab-org-admins.name.addByAccount')}
          </Button>
        </div>
      </section>
      <AccountCreationSettingsPanel />
      <OrganisationLanguagePanel />
    </div>
  );
}
