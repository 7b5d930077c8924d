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
import type { UserView } from '../api/types';
import { AccountBadge } from './account-badge';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column' },
});

/** The words for a person: their name, else their number, else their sign-in name. */
export const userName = (u: Pick<UserView, 'displayName' | 'phone' | 'userPrincipalName'>): string =>
  u.displayName ?? u.phone ?? u.userPrincipalName ?? 'No name given';

const groupWords = (g: UserView['groups'][number]) =>
  `${g.name}${g.role === 'admin' ? ' (admin)' : ''}${g.state === 'joined' ? '' : ` · ${g.state}`}`;

/**
 * One page of Users: each person's name links to their page (a real link: Tab and Enter reach it).
 * On a phone the rows stack, each cell named by its column.
 */
export function UsersTable({ users }: { users: UserView[] }) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  return (
    <Table aria-label="Users" className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell>Person</TableHeaderCell>
          <TableHeaderCell>Phone</TableHeaderCell>
          <TableHeaderCell>Account</TableHeaderCell>
          <TableHeaderCell>Groups</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={t.body}>
        {users.map((u) => (
          <TableRow key={u.personId} className={t.row}>
            <TableCell className={t.lead}>
              <span className={styles.stack}>
                <Link href={`#/users/${encodeURIComponent(u.personId)}`}>{userName(u)}</Link>
                {(u.email || u.employeeId || u.userPrincipalName) && (
                  <Text size={200} className={styles.secondary}>
                    {[u.email ?? u.userPrincipalName, u.employeeId && `ID ${u.employeeId}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
              </span>
            </TableCell>
            <TableCell className={t.cell} data-label="Phone">
              {u.phone ?? '—'}
            </TableCell>
            <TableCell className={t.cell} data-label="Account">
              <AccountBadge account={u.account} />
            </TableCell>
            <TableCell className={t.cell} data-label="Groups">
              {u.groups.map(groupWords).join(', ')}
              {u.groupCount > u.groups.length && ` and ${u.groupCount - u.groups.length} more`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
