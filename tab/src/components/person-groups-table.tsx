import {
  Badge,
  Button,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { PersonMembershipView } from '../api/types';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const invitationWords = {
  invited: { text: 'Invited', color: 'informative' },
  joined: { text: 'Joined', color: 'success' },
  declined: { text: 'Declined', color: 'warning' },
} as const;

const cardWords = {
  queued: { text: 'Card queued', color: 'informative' },
  sent: { text: 'Card sent', color: 'brand' },
  failed: { text: 'Card not delivered', color: 'danger' },
  joined: { text: 'Joined from the card', color: 'success' },
  declined: { text: 'Declined on the card', color: 'warning' },
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * A person's groups on their page: role, invitation, invite card, since when and by whom, with Resend
 * and Remove where the viewer may (the server said so per group, and checks again on every click).
 */
export function PersonGroupsTable({
  groups,
  personName,
  busy,
  onResend,
  onRemove,
}: {
  groups: PersonMembershipView[];
  personName: string;
  busy: boolean;
  onResend: (group: PersonMembershipView) => void;
  onRemove: (group: PersonMembershipView) => void;
}) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  return (
    <Table aria-label={`Groups of ${personName}`} className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell>Group</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Invitation</TableHeaderCell>
          <TableHeaderCell>Invite card</TableHeaderCell>
          <TableHeaderCell>Since</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={t.body}>
        {groups.map((g) => {
          const card = g.cardInvite && cardWords[g.cardInvite.state];
          return (
            <TableRow key={g.groupId} className={t.row}>
              <TableCell className={t.lead}>
                <Link href={`#/groups/${encodeURIComponent(g.groupId)}`}>{g.groupName}</Link>
              </TableCell>
              <TableCell className={t.cell} data-label="Role">
                {g.role === 'admin' ? 'Admin' : 'Member'}
              </TableCell>
              <TableCell className={t.cell} data-label="Invitation">
                <Badge appearance="tint" color={invitationWords[g.state].color}>
                  {invitationWords[g.state].text}
                </Badge>
              </TableCell>
              <TableCell className={t.cell} data-label="Invite card">
                {card && g.cardInvite ? (
                  <span className={styles.stack}>
                    <Badge appearance="tint" color={card.color}>
                      {card.text}
                    </Badge>
                    {g.cardInvite.state === 'failed' && g.cardInvite.failureReason && (
                      <Text size={200} className={styles.secondary}>
                        {g.cardInvite.failureReason}
                      </Text>
                    )}
                  </span>
                ) : (
                  'No card'
                )}
              </TableCell>
              <TableCell className={t.cell} data-label="Since">
                <span className={styles.stack}>
                  <Text>{day(g.since)}</Text>
                  {g.addedBy && (
                    <Text size={200} className={styles.secondary}>
                      by {g.addedBy}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label="Actions">
                <span className={styles.actions}>
                  {g.allowed.resendInvite && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={`Resend the invite to ${g.groupName}`}
                      onClick={() => onResend(g)}
                    >
                      Resend
                    </Button>
                  )}
                  {g.allowed.remove && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={`Remove from ${g.groupName}`}
                      onClick={() => onRemove(g)}
                    >
                      Remove
                    </Button>
                  )}
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
