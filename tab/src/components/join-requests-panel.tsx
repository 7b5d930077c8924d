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
import { api } from '../api/client';
import type { JoinDecisionResult, JoinRequestView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  bulk: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
});

/** What was decided, in words: "Approved Ravi. Declined Meena." */
const decisionWords = (results: JoinDecisionResult[]): string =>
  results
    .map((r) =>
      r.outcome === 'gone'
        ? `${r.displayName}: already answered or expired.`
        : `${r.outcome === 'approved' ? 'Approved' : 'Declined'} ${r.displayName}.`,
    )
    .join(' ');

/**
 * People who asked to join through an invite link and wait for an admin: approve or decline each,
 * or all at once. Approving adds them by phone, as Add users does (an invite card when reachable).
 */
export function JoinRequestsPanel({ groupId, onDecided }: { groupId: string; onDecided: () => void }) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const listing = useApi<{ requests: JoinRequestView[] }>(`/api/v1/groups/${groupId}/join-requests`);
  const [notice, setNotice] = useState<string>();
  const { error, run } = useAction(() => {
    listing.reload();
    onDecided();
  });
  const decide = (path: string) =>
    run(async () => {
      const answer = await api.post<{ results: JoinDecisionResult[] } | JoinDecisionResult>(path, {});
      setNotice(decisionWords('results' in answer ? answer.results : [answer]));
    });

  if (listing.error !== undefined) return <ErrorState error={listing.error} onRetry={listing.reload} />;
  if (!listing.data) return <Spinner size="tiny" label="Loading requests…" />;
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
        <Text>No requests waiting. People without a work account can ask to join from the invite link.</Text>
      ) : (
        <>
          {requests.length > 1 && (
            <div className={styles.bulk}>
              <Button appearance="primary" onClick={() => decide(`${base}/approve`)}>
                Approve all ({requests.length})
              </Button>
              <Button onClick={() => decide(`${base}/decline`)}>Decline all</Button>
            </div>
          )}
          <Table aria-label="Join requests" size="small" className={t.table}>
            <TableHeader className={t.header}>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Phone</TableHeaderCell>
                <TableHeaderCell>Asked</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={t.body}>
              {requests.map((r) => (
                <TableRow key={r.id} className={t.row}>
                  <TableCell className={t.lead}>{r.displayName}</TableCell>
                  <TableCell className={t.cell} data-label="Phone">
                    {r.phone ?? (r.signedIn ? 'signed in with a work account' : '—')}
                  </TableCell>
                  <TableCell className={t.cell} data-label="Asked">
                    {new Date(r.createdAt).toLocaleDateString()}
                  </TableCell>
                  <TableCell className={t.cell} data-label="Actions">
                    <Button
                      size="small"
                      appearance="primary"
                      aria-label={`Approve ${r.displayName}`}
                      onClick={() => decide(`${base}/${r.id}/approve`)}
                    >
                      Approve
                    </Button>{' '}
                    <Button
                      size="small"
                      aria-label={`Decline ${r.displayName}`}
                      onClick={() => decide(`${base}/${r.id}/decline`)}
                    >
                      Decline
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
