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
import { useIntl } from 'react-intl';
import type { PersonMembershipView } from '../api/types';
import { deliveryFailureWords } from '../i18n/delivery-failure-words';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const invitationWords = {
  invited: { id: 'tab-people.personGroups.invited', color: 'informative' },
  joined: { id: 'tab-people.personGroups.joined', color: 'success' },
  declined: { id: 'tab-people.personGroups.declined', color: 'warning' },
} as const;

const cardWords = {
  queued: { id: 'tab-people.personGroups.card.queued', color: 'informative' },
  sent: { id: 'tab-people.personGroups.card.sent', color: 'brand' },
  failed: { id: 'tab-people.personGroups.card.failed', color: 'danger' },
  joined: { id: 'tab-people.personGroups.card.joined', color: 'success' },
  declined: { id: 'tab-people.personGroups.card.declined', color: 'warning' },
} as const;

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
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const column = {
    role: say('tab-people.personGroups.role'),
    invitation: say('tab-people.personGroups.invitation'),
    card: say('tab-people.personGroups.inviteCard'),
    since: say('tab-people.column.since'),
    actions: say('tab-people.column.actions'),
  };
  return (
    <Table aria-label={say('tab-people.personGroups.table', { name: personName })} className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell>{say('tab-people.column.group')}</TableHeaderCell>
          <TableHeaderCell>{column.role}</TableHeaderCell>
          <TableHeaderCell>{column.invitation}</TableHeaderCell>
          <TableHeaderCell>{column.card}</TableHeaderCell>
          <TableHeaderCell>{column.since}</TableHeaderCell>
          <TableHeaderCell>{column.actions}</TableHeaderCell>
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
              <TableCell className={t.cell} data-label={column.role}>
                {say(g.role === 'admin' ? 'tab-people.personGroups.admin' : 'tab-people.personGroups.member')}
              </TableCell>
              <TableCell className={t.cell} data-label={column.invitation}>
                <Badge appearance="tint" color={invitationWords[g.state].color}>
                  {say(invitationWords[g.state].id)}
                </Badge>
              </TableCell>
              <TableCell className={t.cell} data-label={column.card}>
                {card && g.cardInvite ? (
                  <span className={styles.stack}>
                    <Badge appearance="tint" color={card.color}>
                      {say(card.id)}
                    </Badge>
                    {g.cardInvite.state === 'failed' && g.cardInvite.failureReason && (
                      <Text size={200} className={styles.secondary}>
                        {deliveryFailureWords(g.cardInvite, intl)}
                      </Text>
                    )}
                  </span>
                ) : (
                  say('tab-people.personGroups.noCard')
                )}
              </TableCell>
              <TableCell className={t.cell} data-label={column.since}>
                <span className={styles.stack}>
                  <Text>{intl.formatDate(g.since, { dateStyle: 'medium' })}</Text>
                  {g.addedBy && (
                    <Text size={200} className={styles.secondary}>
                      {say('tab-people.personGroups.addedBy', { name: g.addedBy })}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label={column.actions}>
                <span className={styles.actions}>
                  {g.allowed.resendInvite && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={say('tab-people.personGroups.resendLabel', { group: g.groupName })}
                      onClick={() => onResend(g)}
                    >
                      {say('tab-people.personGroups.resend')}
                    </Button>
                  )}
                  {g.allowed.remove && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={say('tab-people.personGroups.removeLabel', { group: g.groupName })}
                      onClick={() => onRemove(g)}
                    >
                      {say('tab-people.remove')}
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
