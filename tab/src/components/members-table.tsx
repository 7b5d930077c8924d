import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { api } from '../api/client';
import type { MemberView } from '../api/types';
import { useAction } from '../api/use-action';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const stateColor = { joined: 'success', invited: 'informative', declined: 'danger' } as const;

/** Members with role and invitation state; promote, demote and remove where the viewer may. */
export function MembersTable({
  groupId,
  members,
  mayManageMembers,
  mayManageAdmins,
  onChanged,
}: {
  groupId: string;
  members: MemberView[];
  mayManageMembers: boolean;
  mayManageAdmins: boolean;
  onChanged: () => void;
}) {
  const { error, run: act } = useAction(onChanged);
  const t = useStackedTableStyles();
  return (
    <>
      {error !== undefined && <ErrorState error={error} />}
      <Table aria-label="Members" size="small" className={t.table}>
        <TableHeader className={t.header}>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Phone</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Invitation</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={t.body}>
          {members.map((m) => {
            const label = m.person.displayName ?? m.person.phone ?? 'Unknown';
            const mayChange = m.role === 'admin' ? mayManageAdmins : mayManageMembers;
            return (
              <TableRow key={m.personId} className={t.row}>
                <TableCell className={t.lead}>
                  {m.person.displayName ?? <Text italic>not signed in yet</Text>}
                  {m.external && (
                    <Badge appearance="outline" color="warning" style={{ marginLeft: 8 }}>
                      External
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={t.cell} data-label="Phone">
                  {m.person.phone ?? '—'}
                </TableCell>
                <TableCell className={t.cell} data-label="Role">
                  {m.role === 'admin' ? <Badge>Admin</Badge> : 'Member'}
                </TableCell>
                <TableCell className={t.cell} data-label="Invitation">
                  <Badge appearance="tint" color={stateColor[m.state]}>
                    {m.state}
                  </Badge>
                </TableCell>
                <TableCell className={t.cell} data-label="Actions">
                  {mayManageAdmins && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`${m.role === 'admin' ? 'Demote' : 'Promote'} ${label}`}
                      onClick={() =>
                        act(() =>
                          api.put(`/api/v1/groups/${groupId}/members/${m.personId}/role`, {
                            role: m.role === 'admin' ? 'member' : 'admin',
                          }),
                        )
                      }
                    >
                      {m.role === 'admin' ? 'Demote' : 'Promote'}
                    </Button>
                  )}
                  {mayChange && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Remove ${label}`}
                      onClick={() => act(() => api.del(`/api/v1/groups/${groupId}/members/${m.personId}`))}
                    >
                      Remove
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
