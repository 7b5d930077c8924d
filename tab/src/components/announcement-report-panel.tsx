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
import type { Announcement } from '../../../src/domain/announcements/announcement';
import type { AnnouncementCounts } from '../../../src/domain/announcements/announcement.repository';
import type { AnnouncementReport } from '../../../src/domain/announcements/announcement-report';
import { api, download } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useReloadWhile } from '../api/use-reload-while';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  chart: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    maxWidth: '560px',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  bar: {
    display: 'grid',
    gridTemplateColumns: '110px 1fr 60px',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  track: {
    height: '14px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  fill: { height: '14px', borderRadius: tokens.borderRadiusSmall },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Each total's bar; its label is `tab-announcements.report.<key>`. */
const bars: Array<{ key: keyof AnnouncementCounts; color: string }> = [
  { key: 'queued', color: tokens.colorPaletteBlueBorderActive },
  { key: 'sent', color: tokens.colorBrandBackground },
  { key: 'failed', color: tokens.colorPaletteRedBackground3 },
  { key: 'read', color: tokens.colorPaletteTealBackground2 },
  { key: 'acknowledged', color: tokens.colorPaletteGreenBackground3 },
];

/** The totals as bars against the audience: one glance says how far it got. */
function ReportChart({ totals, audience }: { totals: AnnouncementCounts; audience: number }) {
  const styles = useStyles();
  const intl = useIntl();
  const label = (key: string) => intl.formatMessage({ id: `tab-announcements.report.${key}` });
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label={intl.formatList(
        bars.map((b) => `${label(b.key)} ${intl.formatNumber(totals[b.key])}`),
        { type: 'unit' },
      )}
    >
      {bars.map((b) => (
        <div key={b.key} className={styles.bar}>
          <Text>{label(b.key)}</Text>
          <div className={styles.track}>
            <div
              className={styles.fill}
              style={{
                width: `${audience ? (100 * totals[b.key]) / audience : 0}%`,
                backgroundColor: b.color,
              }}
            />
          </div>
          <Text>{intl.formatNumber(totals[b.key])}</Text>
        </div>
      ))}
    </div>
  );
}

/** Where one announcement stands: chart, per group, per person, CSV, and the actions its state allows. */
export function AnnouncementReportPanel({
  id,
  onEdit,
}: {
  id: string;
  onEdit?: (announcement: Announcement) => void;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const t = useStackedTableStyles();
  const report = useApi<AnnouncementReport>(`/api/v1/announcements/${id}?limit=200`);
  const { error, run } = useAction(report.reload);
  const w = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `tab-announcements.report.${id}` }, values);
  const a = report.data?.announcement;
  useReloadWhile(a?.state === 'scheduled' || (report.data?.totals.queued ?? 0) > 0, report.reload, 1500);
  if (report.error !== undefined) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data || !a) return <Spinner size="tiny" label={w('loading')} />;
  const { totals, byGroup, people, channelPosts = [] } = report.data;
  const audience = a.audienceCount ?? totals.queued + totals.sent + totals.failed;
  const at = intl.formatDate(new Date(a.sendAt), {
    timeZone: a.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div>
      <Text block>
        <Badge appearance="tint">{w('state', { state: a.state })}</Badge>{' '}
        {w(a.state === 'scheduled' ? 'goesOut' : 'started', { at, timeZone: a.timeZone, count: audience })}
      </Text>
      <ReportChart totals={totals} audience={audience} />
      {error !== undefined && <ErrorState error={error} title={w('actionFailed')} />}
      <div className={styles.actions}>
        {a.state === 'scheduled' && (
          <>
            {onEdit && (
              <Button onClick={() => onEdit(a)}>
                {intl.formatMessage({ id: 'tab-announcements.report.edit' })}
              </Button>
            )}
            <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/send-now`))}>
              {w('sendNow')}
            </Button>
            <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/cancel`))}>
              {w('cancel')}
            </Button>
          </>
        )}
        {a.state === 'sending' && a.acknowledge && !a.remindedAt && (
          <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/remind`))}>
            {w('remind')}
          </Button>
        )}
        <Button
          onClick={() =>
            run(() => download(`/api/v1/announcements/${id}/report.csv`, `${a.title} - report.csv`))
          }
        >
          {w('export')}
        </Button>
      </div>
      {byGroup.length > 0 && (
        <Table aria-label={w('perGroup')} size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>{w('group')}</TableHeaderCell>
              {bars.map((b) => (
                <TableHeaderCell key={b.key}>{w(b.key)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {byGroup.map((g) => (
              <TableRow key={g.groupId} className={t.row}>
                <TableCell>{g.groupName}</TableCell>
                {bars.map((b) => (
                  <TableCell key={b.key}>{g[b.key]}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {channelPosts.length > 0 && (
        <Table aria-label={w('channelPosts')} size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>{w('group')}</TableHeaderCell>
              <TableHeaderCell>{w('channelPosts')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {channelPosts.map((p) => (
              <TableRow key={p.groupId} className={t.row}>
                <TableCell>{p.groupName}</TableCell>
                <TableCell>
                  {w('channelPostState', { state: p.state })}
                  {p.state === 'failed'
                    ? ` — ${w('channelFailure', { code: p.failureCode ?? '', reason: p.failureReason ?? '' })}`
                    : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {people.length > 0 && (
        <Table aria-label={w('perPerson')} size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>{w('person')}</TableHeaderCell>
              <TableHeaderCell>{w('group')}</TableHeaderCell>
              <TableHeaderCell>{w('deliveryState')}</TableHeaderCell>
              <TableHeaderCell>{w('read')}</TableHeaderCell>
              <TableHeaderCell>{w('acknowledged')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.personId} className={t.row}>
                <TableCell>{p.name ?? p.phone ?? w('someone')}</TableCell>
                <TableCell>{p.groupName}</TableCell>
                <TableCell>
                  {w('personState', { state: p.state })}
                  {p.failureReason ? ` — ${p.failureReason}` : ''}
                </TableCell>
                <TableCell>{p.readAt ? w('yes') : ''}</TableCell>
                <TableCell>{p.acknowledgedAt ? w('yes') : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
