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

const bars: Array<{ key: keyof AnnouncementCounts; label: string; color: string }> = [
  { key: 'queued', label: 'Queued', color: tokens.colorPaletteBlueBorderActive },
  { key: 'sent', label: 'Sent', color: tokens.colorBrandBackground },
  { key: 'failed', label: 'Failed', color: tokens.colorPaletteRedBackground3 },
  { key: 'read', label: 'Read', color: tokens.colorPaletteTealBackground2 },
  { key: 'acknowledged', label: 'Acknowledged', color: tokens.colorPaletteGreenBackground3 },
];

/** The totals as bars against the audience: one glance says how far it got. */
function ReportChart({ totals, audience }: { totals: AnnouncementCounts; audience: number }) {
  const styles = useStyles();
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label={bars.map((b) => `${b.label} ${totals[b.key]}`).join(', ')}
    >
      {bars.map((b) => (
        <div key={b.key} className={styles.bar}>
          <Text>{b.label}</Text>
          <div className={styles.track}>
            <div
              className={styles.fill}
              style={{
                width: `${audience ? (100 * totals[b.key]) / audience : 0}%`,
                backgroundColor: b.color,
              }}
            />
          </div>
          <Text>{totals[b.key].toLocaleString()}</Text>
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
  const a = report.data?.announcement;
  useReloadWhile(a?.state === 'scheduled' || (report.data?.totals.queued ?? 0) > 0, report.reload, 1500);
  if (report.error !== undefined) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data || !a) return <Spinner size="tiny" label="Loading the report…" />;
  const { totals, byGroup, people } = report.data;
  const audience = a.audienceCount ?? totals.queued + totals.sent + totals.failed;
  const at = new Date(a.sendAt).toLocaleString(undefined, {
    timeZone: a.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div>
      <Text block>
        <Badge appearance="tint">{a.state}</Badge>{' '}
        {a.state === 'scheduled' ? `Goes out ${at} (${a.timeZone})` : `Started ${at} (${a.timeZone})`} ·{' '}
        {audience.toLocaleString()} people
      </Text>
      <ReportChart totals={totals} audience={audience} />
      {error !== undefined && <ErrorState error={error} title="Could not do that" />}
      <div className={styles.actions}>
        {a.state === 'scheduled' && (
          <>
            {onEdit && (
              <Button onClick={() => onEdit(a)}>
                {intl.formatMessage({ id: 'tab-announcements.report.edit' })}
              </Button>
            )}
            <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/send-now`))}>
              Send now
            </Button>
            <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/cancel`))}>Cancel</Button>
          </>
        )}
        {a.state === 'sending' && a.acknowledge && !a.remindedAt && (
          <Button onClick={() => run(() => api.post(`/api/v1/announcements/${id}/remind`))}>
            Remind those who have not acknowledged
          </Button>
        )}
        <Button
          onClick={() =>
            run(() => download(`/api/v1/announcements/${id}/report.csv`, `${a.title} - report.csv`))
          }
        >
          Export CSV
        </Button>
      </div>
      {byGroup.length > 0 && (
        <Table aria-label="Per group" size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>Group</TableHeaderCell>
              {bars.map((b) => (
                <TableHeaderCell key={b.key}>{b.label}</TableHeaderCell>
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
      {people.length > 0 && (
        <Table aria-label="Per person" size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>Person</TableHeaderCell>
              <TableHeaderCell>Group</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell>Read</TableHeaderCell>
              <TableHeaderCell>Acknowledged</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.personId} className={t.row}>
                <TableCell>{p.name ?? p.phone ?? 'Someone'}</TableCell>
                <TableCell>{p.groupName}</TableCell>
                <TableCell>
                  {p.state}
                  {p.failureReason ? ` — ${p.failureReason}` : ''}
                </TableCell>
                <TableCell>{p.readAt ? 'yes' : ''}</TableCell>
                <TableCell>{p.acknowledgedAt ? 'yes' : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
