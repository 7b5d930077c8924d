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
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { CardInviteListing } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useReloadWhile } from '../api/use-reload-while';
import { deliveryFailureWords } from '../i18n/delivery-failure-words';
import { useT } from '../i18n/use-t';
import { LeftToRight } from './left-to-right';
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
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  const listing = useApi<CardInviteListing>(`/api/v1/groups/${groupId}/card-invites`);
  const { error, run } = useAction(listing.reload);
  const pending = listing.data?.invites.some((i) => i.state === 'queued');
  useReloadWhile(!!pending, listing.reload, 2000);

  if (listing.error !== undefined) return <ErrorState error={listing.error} onRetry={listing.reload} />;
  if (!listing.data) return <Spinner size="tiny" label={t('tab-groups.cardInvites.loading')} />;
  const { invites, counts } = listing.data;
  if (invites.length === 0) {
    return <Text>{t('tab-groups.cardInvites.none')}</Text>;
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
            {t('tab-common.stateCount', { state: t(`tab-common.state.${state}`), count })}
          </Badge>
        ))}
      </div>
      {error !== undefined && <ErrorState error={error} />}
      <Table aria-label={t('tab-groups.cardInvites')} size="small" className={st.table}>
        <TableHeader className={st.header}>
          <TableRow>
            <TableHeaderCell>{t('tab-groups.cardInvites.person')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-groups.cardInvites.state')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-groups.cardInvites.attempts')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-groups.addUsers.details')}</TableHeaderCell>
            <TableHeaderCell>{t('tab-common.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={st.body}>
          {invites.map((invite) => (
            <TableRow key={invite.id} className={st.row}>
              <TableCell className={st.lead}>
                {invite.person.displayName ??
                  (invite.person.phone ? <LeftToRight>{invite.person.phone}</LeftToRight> : '—')}
              </TableCell>
              <TableCell className={st.cell} data-label={t('tab-groups.cardInvites.state')}>
                <Badge appearance="tint" color={stateColor[invite.state] ?? 'informative'}>
                  {t(`tab-common.state.${invite.state}`)}
                </Badge>
              </TableCell>
              <TableCell className={st.cell} data-label={t('tab-groups.cardInvites.attempts')}>
                {invite.attempts > 0 ? intl.formatNumber(invite.attempts) : ''}
              </TableCell>
              <TableCell className={st.cell} data-label={t('tab-groups.addUsers.details')}>
                {invite.failureReason
                  ? deliveryFailureWords(invite, intl)
                  : invite.sentAt
                    ? t('tab-groups.cardInvites.sentAt', {
                        at: intl.formatDate(invite.sentAt, { dateStyle: 'short', timeStyle: 'short' }),
                      })
                    : ''}
              </TableCell>
              <TableCell className={st.cell} data-label={t('tab-common.actions')}>
                {(invite.state === 'failed' || invite.state === 'sent') && (
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t('tab-groups.cardInvites.resendTo', {
                      person:
                        invite.person.displayName ??
                        invite.person.phone ??
                        t('tab-groups.cardInvites.thisPerson'),
                    })}
                    onClick={() =>
                      run(() => api.post(`/api/v1/groups/${groupId}/card-invites/${invite.id}/resend`))
                    }
                  >
                    {t('tab-groups.cardInvites.resend')}
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
