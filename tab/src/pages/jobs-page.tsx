import {
  Badge,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
} from '@fluentui/react-components';
import { type IntlShape, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { Job } from '../api/types';
import { useApi } from '../api/use-api';
import { useReloadWhile } from '../api/use-reload-while';
import { useStackedTableStyles } from '../components/phone-layout';
import { EmptyState, ErrorState } from '../components/states';
import { useT } from '../i18n/use-t';

export const statusColor: Record<string, 'success' | 'warning' | 'danger' | 'informative' | 'brand'> = {
  completed: 'success',
  partial: 'warning',
  failed: 'danger',
  invalid: 'danger',
  running: 'brand',
  ready: 'informative',
  validating: 'informative',
};

/** When a job was uploaded, in the reader's locale and time zone. */
export const timeStamp = (iso: string, intl: IntlShape) =>
  intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });

/** A job's kind as the upload page names it. */
export const kindKey = (kind: Job['kind']) =>
  kind === 'user-group-mapping' ? 'tab-uploads.kind.userGroupMapping' : 'tab-uploads.kind.parentGroupMapping';

/** Upload jobs, newest first; the time stamp opens the job's detailed log. */
export default function JobsPage() {
  const navigate = useNavigate();
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  const jobs = useApi<{ jobs: Job[] }>('/api/v1/jobs?limit=100');
  const running = jobs.data?.jobs.some((j) => j.status === 'running' || j.status === 'validating');
  useReloadWhile(!!running, jobs.reload, 1500);
  return (
    <>
      <Title2 as="h1">{t('tab-uploads.jobs.title')}</Title2>
      {jobs.loading && !jobs.data && <Spinner label={t('tab-uploads.jobs.loading')} />}
      {jobs.error !== undefined && <ErrorState error={jobs.error} onRetry={jobs.reload} />}
      {jobs.data?.jobs.length === 0 && (
        <EmptyState title={t('tab-uploads.jobs.empty.title')}>{t('tab-uploads.jobs.empty.text')}</EmptyState>
      )}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <Table aria-label={t('tab-uploads.jobs.table')} className={st.table}>
          <TableHeader className={st.header}>
            <TableRow>
              <TableHeaderCell>{t('tab-uploads.jobs.timeStamp')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.file')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.jobs.status')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.jobs.rows')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.jobs.addedCreatedFailed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={st.body}>
            {jobs.data.jobs.map((job) => (
              <TableRow key={job.id} className={st.row}>
                <TableCell className={st.cell} data-label={t('tab-uploads.jobs.timeStamp')}>
                  <Link
                    href={`#/jobs/${job.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/jobs/${job.id}`);
                    }}
                  >
                    {timeStamp(job.uploadedAt, intl)}
                  </Link>
                </TableCell>
                <TableCell className={st.lead}>{job.fileName}</TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.kind')}>
                  {t(kindKey(job.kind))}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.jobs.status')}>
                  <Badge appearance="tint" color={statusColor[job.status] ?? 'informative'}>
                    {statusColor[job.status] ? t(`tab-uploads.jobs.status.${job.status}`) : job.status}
                  </Badge>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.jobs.rows')}>
                  {t('tab-uploads.jobs.rowsDone', {
                    done: job.progress.done,
                    total: job.progress.total,
                    invalid: job.rowsInvalid,
                  })}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.jobs.addedCreatedFailed')}>
                  {t('tab-uploads.jobs.addedCreatedFailed.values', {
                    added: job.counts.membersAdded,
                    created: job.counts.groupsCreated,
                    failed: job.counts.failed,
                  })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
