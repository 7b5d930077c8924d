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
import { useT } from '../i18n/use-t';
import { LeftToRight } from './left-to-right';
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
  const st = useStackedTableStyles();
  const t = useT();
  return (
    <>
      {error !== undefined && <ErrorState error={error} />}
      <Table aria-label={t('tab-groups.members')} size="small" className={st.table}>
        <TableHeader className={st.header}>
          <TableRow>
            <TableHeaderCell>{t('tab-common.name')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-common.phone')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-groups.members.role')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-groups.members.invitation')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-common.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={st.body}>
          {members.map((m) => {
            const label = m.person.displayName ?? m.person.phone ?? t('tab-groups.members.unknown');
            const mayChange = m.role === 'admin' ? mayManageAdmins : mayManageMembers;
            return (
              <TableRow key={m.personId} className={st.row}>
                <TableCell className={st.lead}>
                  {m.person.displayName ?? <Text italic>{t('tab-groups.members.notSignedIn')}</Text>}
                  {m.external && (
                    <Badge appearance="outline" color="warning" style={{ marginInlineStart: 8 }}>
                      {t('tab-groups.members.external')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-common.phone')}>
                  {m.person.phone ? <LeftToRight>{m.person.phone}</LeftToRight> : '—'}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-groups.members.role')}>
                  {m.role === 'admin' ? (
                    <Badge>{t('tab-groups.members.admin')}</Badge>
                  ) : (
                    t('tab-groups.members.member')
                  )}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-groups.members.invitation')}>
                  <Badge appearance="tint" color={stateColor[m.state]}>
                    {t(`tab-common.state.${m.state}`)}
                  </Badge>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-common.actions')}>
                  {mayManageAdmins && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t(
                        m.role === 'admin' ? 'tab-groups.members.demoteOne' : 'tab-groups.members.promoteOne',
                        {
                          name: label,
                        },
                      )}
                      onClick={() =>
                        act(() =>
                          api.put(`/api/v1/groups/${groupId}/members/${m.personId}/role`, {
                            role: m.role === 'admin' ? 'member' : 'admin',
                          }),
                        )
                      }
                    >
                      {m.role === 'admin' ? t('tab-groups.members.demote') : t('tab-groups.members.promote')}
                    </Button>
                  )}
                  {mayChange && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t('tab-groups.members.removeOne', { name: label })}
                      onClick={() => act(() => api.del(`/api/v1/groups/${groupId}/members/${m.personId}`))}
                    >
                      {t('tab-groups.members.remove')}
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
