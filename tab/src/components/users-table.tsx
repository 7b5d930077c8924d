import {
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
import { type IntlShape, useIntl } from 'react-intl';
import type { UserView } from '../api/types';
import { AccountBadge } from './account-badge';
import { groupsInWords } from './groups-in-words';
import { LeftToRight } from './left-to-right';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column' },
});

/** The words for a person: their name, else their number, else their sign-in name. */
export const userName = (
  u: Pick<UserView, 'displayName' | 'phone' | 'userPrincipalName'>,
  intl: IntlShape,
): string =>
  u.displayName ?? u.phone ?? u.userPrincipalName ?? intl.formatMessage({ id: 'tab-people.noName' });

/**
 * One page of Users: each person's name links to their page (a real link: Tab and Enter reach it).
 * On a phone the rows stack, each cell named by its column.
 */
export function UsersTable({ users }: { users: UserView[] }) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const intl = useIntl();
  const say = (id: string) => intl.formatMessage({ id });
  return (
    <Table aria-label={say('tab-people.users.table')} className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell>{say('tab-people.column.person')}</TableHeaderCell>
          <TableHeaderCell>{say('tab-people.column.phone')}</TableHeaderCell>
          <TableHeaderCell>{say('tab-people.column.account')}</TableHeaderCell>
          <TableHeaderCell>{say('tab-people.column.groups')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={t.body}>
        {users.map((u) => (
          <TableRow key={u.personId} className={t.row}>
            <TableCell className={t.lead}>
              <span className={styles.stack}>
                <Link href={`#/users/${encodeURIComponent(u.personId)}`}>
                  {/* A person known only by their number is named by it, which reads left to right. */}
                  <bdi dir={u.displayName ? undefined : 'ltr'}>{userName(u, intl)}</bdi>
                </Link>
                {(u.email || u.employeeId || u.userPrincipalName) && (
                  <Text size={200} className={styles.secondary}>
                    {(u.email ?? u.userPrincipalName) && (
                      <LeftToRight>{u.email ?? u.userPrincipalName}</LeftToRight>
                    )}
                    {(u.email ?? u.userPrincipalName) && u.employeeId && ' · '}
                    {u.employeeId &&
                      intl.formatMessage({ id: 'tab-people.employeeId' }, { id: u.employeeId })}
                  </Text>
                )}
              </span>
            </TableCell>
            <TableCell className={t.cell} data-label={say('tab-people.column.phone')}>
              {u.phone ? <LeftToRight>{u.phone}</LeftToRight> : '—'}
            </TableCell>
            <TableCell className={t.cell} data-label={say('tab-people.column.account')}>
              <AccountBadge account={u.account} />
            </TableCell>
            <TableCell className={t.cell} data-label={say('tab-people.column.groups')}>
              {groupsInWords(u.groups, u.groupCount, intl)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
