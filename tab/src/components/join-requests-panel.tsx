import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { JoinDecisionResult, JoinRequestView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/use-t';
import { LeftToRight } from './left-to-right';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  bulk: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
});

/** What was decided, in words: "Approved Ravi. Declined Meena." (one sentence per person). */
const decisionWords = (results: JoinDecisionResult[], t: ReturnType<typeof useT>): string =>
  results
    .map((r) => t('tab-groups.joinRequests.decided', { outcome: r.outcome, name: r.displayName }))
    .join(' ');

/**
 * People who asked to join through an invite link and wait for an admin: approve or decline each,
 * or all at once. Approving adds them by phone, as Add users does (an invite card when reachable).
 */
export function JoinRequestsPanel({ groupId, onDecided }: { groupId: string; onDecided: () => void }) {
  const styles = useStyles();
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  const listing = useApi<{ requests: JoinRequestView[] }>(`/api/v1/groups/${groupId}/join-requests`);
  const [notice, setNotice] = useState<string>();
  const { error, run } = useAction(() => {
    listing.reload();
    onDecided();
  });
  const decide = (path: string) =>
    run(async () => {
      const answer = await api.post<{ results: JoinDecisionResult[] } | JoinDecisionResult>(path, {});
      setNotice(decisionWords('results' in answer ? answer.results : [answer], t));
    });

  if (listing.error !== undefined) return <ErrorState error={listing.error} onRetry={listing.reload} />;
  if (!listing.data) return <Spinner size="tiny" label={t('tab-groups.joinRequests.loading')} />;
  const { requests } = listing.data;
  const base = `/api/v1/groups/${groupId}/join-requests`;
  return (
    <>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorState error={error} />}
      {requests.length === 0 ? (
        <Text>{t('tab-groups.joinRequests.none')}</Text>
      ) : (
        <>
          {requests.length > 1 && (
            <div className={styles.bulk}>
              <Button appearance="primary" onClick={() => decide(`${base}/approve`)}>
                {t('tab-groups.joinRequests.approveAll', { count: requests.length })}
              </Button>
              <Button onClick={() => decide(`${base}/decline`)}>
                {t('tab-groups.joinRequests.declineAll')}
              </Button>
            </div>
          )}
          <Table aria-label={t('tab-groups.joinRequests')} size="small" className={st.table}>
            <TableHeader className={st.header}>
              <TableRow>
                <TableHeaderCell>{t('tab-common.name')}</TableHeaderCell>
                <TableHeaderCell>{t('tab-common.phone')}</TableHeaderCell>
                <TableHeaderCell>{t('tab-groups.joinRequests.asked')}</TableHeaderCell>
                <TableHeaderCell>{t('tab-common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={st.body}>
              {requests.map((r) => (
                <TableRow key={r.id} className={st.row}>
                  <TableCell className={st.lead}>{r.displayName}</TableCell>
                  <TableCell className={st.cell} data-label={t('tab-common.phone')}>
                    {r.phone ? (
                      <LeftToRight>{r.phone}</LeftToRight>
                    ) : r.signedIn ? (
                      t('tab-groups.joinRequests.signedIn')
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell className={st.cell} data-label={t('tab-groups.joinRequests.asked')}>
                    {intl.formatDate(r.createdAt)}
                  </TableCell>
                  <TableCell className={st.cell} data-label={t('tab-common.actions')}>
                    <Button
                      size="small"
                      appearance="primary"
                      aria-label={t('tab-groups.joinRequests.approveOne', { name: r.displayName })}
                      onClick={() => decide(`${base}/${r.id}/approve`)}
                    >
                      {t('tab-groups.joinRequests.approve')}
                    </Button>{' '}
                    <Button
                      size="small"
                      aria-label={t('tab-groups.joinRequests.declineOne', { name: r.displayName })}
                      onClick={() => decide(`${base}/${r.id}/decline`)}
                    >
                      {t('tab-groups.joinRequests.decline')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
