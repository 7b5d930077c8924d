import {
  Badge,
  Button,
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
import { api } from '../api/client';
import type { CardInviteListing } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useReloadWhile } from '../api/use-reload-while';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  counts: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalS,
  },
});

const stateColor = {
  queued: 'informative',
  sent: 'brand',
  failed: 'danger',
  joined: 'success',
  declined: 'warning',
} as const;

/** Where each invite card stands (queued, sent, failed, joined, declined), with Resend for those who may invite. */
export function CardInvitesPanel({ groupId }: { groupId: string }) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const listing = useApi<CardInviteListing>(`/api/v1/groups/${groupId}/card-invites`);
  const { error, run } = useAction(listing.reload);
  const pending = listing.data?.invites.some((i) => i.state === 'queued');
  useReloadWhile(!!pending, listing.reload, 2000);

  if (listing.error !== undefined) return <ErrorState error={listing.error} onRetry={listing.reload} />;
  if (!listing.data) return <Spinner size="tiny" label="Loading invites…" />;
  const { invites, counts } = listing.data;
  if (invites.length === 0) {
    return (
      <Text>
        No invite cards yet. People added to the group get one in Teams when they can be reached there.
      </Text>
    );
  }
  return (
    <>
      <div className={styles.counts}>
        {Object.entries(counts).map(([state, count]) => (
          <Badge
            key={state}
            appearance="tint"
            color={stateColor[state as keyof typeof stateColor] ?? 'informative'}
          >
            {state}: {count}
          </Badge>
        ))}
      </div>
      {error !== undefined && <ErrorState error={error} />}
      <Table aria-label="Invite cards" size="small" className={t.table}>
        <TableHeader className={t.header}>
          <TableRow>
            <TableHeaderCell>Person</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Attempts</TableHeaderCell>
            <TableHeaderCell>Details</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={t.body}>
          {invites.map((invite) => (
            <TableRow key={invite.id} className={t.row}>
              <TableCell className={t.lead}>
                {invite.person.displayName ?? invite.person.phone ?? '—'}
              </TableCell>
              <TableCell className={t.cell} data-label="State">
                <Badge appearance="tint" color={stateColor[invite.state] ?? 'informative'}>
                  {invite.state}
                </Badge>
              </TableCell>
              <TableCell className={t.cell} data-label="Attempts">
                {invite.attempts > 0 ? invite.attempts : ''}
              </TableCell>
              <TableCell className={t.cell} data-label="Details">
                {invite.failureReason ??
                  (invite.sentAt ? `sent ${new Date(invite.sentAt).toLocaleString()}` : '')}
              </TableCell>
              <TableCell className={t.cell} data-label="Actions">
                {(invite.state === 'failed' || invite.state === 'sent') && (
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`Resend the invite to ${invite.person.displayName ?? invite.person.phone ?? 'this person'}`}
                    onClick={() =>
                      run(() => api.post(`/api/v1/groups/${groupId}/card-invites/${invite.id}/resend`))
                    }
                  >
                    Resend
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
