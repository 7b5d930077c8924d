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
import { useNavigate } from 'react-router-dom';
import type { Job } from '../api/types';
import { useApi } from '../api/use-api';
import { useReloadWhile } from '../api/use-reload-while';
import { useStackedTableStyles } from '../components/phone-layout';
import { EmptyState, ErrorState } from '../components/states';

export const statusColor: Record<string, 'success' | 'warning' | 'danger' | 'informative' | 'brand'> = {
  completed: 'success',
  partial: 'warning',
  failed: 'danger',
  invalid: 'danger',
  running: 'brand',
  ready: 'informative',
  validating: 'informative',
};

export const timeStamp = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Upload jobs, newest first; the time stamp opens the job's detailed log. */
export default function JobsPage() {
  const navigate = useNavigate();
  const t = useStackedTableStyles();
  const jobs = useApi<{ jobs: Job[] }>('/api/v1/jobs?limit=100');
  const running = jobs.data?.jobs.some((j) => j.status === 'running' || j.status === 'validating');
  useReloadWhile(!!running, jobs.reload, 1500);
  return (
    <>
      <Title2 as="h1">Jobs</Title2>
      {jobs.loading && !jobs.data && <Spinner label="Loading jobs…" />}
      {jobs.error !== undefined && <ErrorState error={jobs.error} onRetry={jobs.reload} />}
      {jobs.data?.jobs.length === 0 && (
        <EmptyState title="No uploads yet">
          Files you upload on the Bulk upload page are listed here with their logs.
        </EmptyState>
      )}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <Table aria-label="Upload jobs" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>Time stamp</TableHeaderCell>
              <TableHeaderCell>File</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Rows</TableHeaderCell>
              <TableHeaderCell>Added / created / failed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={t.body}>
            {jobs.data.jobs.map((job) => (
              <TableRow key={job.id} className={t.row}>
                <TableCell className={t.cell} data-label="Time stamp">
                  <Link
                    href={`#/jobs/${job.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/jobs/${job.id}`);
                    }}
                  >
                    {timeStamp(job.uploadedAt)}
                  </Link>
                </TableCell>
                <TableCell className={t.lead}>{job.fileName}</TableCell>
                <TableCell className={t.cell} data-label="Kind">
                  {job.kind === 'user-group-mapping' ? 'User Group Mapping' : 'Parent Group Mapping'}
                </TableCell>
                <TableCell className={t.cell} data-label="Status">
                  <Badge appearance="tint" color={statusColor[job.status] ?? 'informative'}>
                    {job.status}
                  </Badge>
                </TableCell>
                <TableCell className={t.cell} data-label="Rows">
                  {job.progress.done} / {job.progress.total}
                  {job.rowsInvalid > 0 ? ` (${job.rowsInvalid} with errors)` : ''}
                </TableCell>
                <TableCell className={t.cell} data-label="Added / created / failed">
                  {job.counts.membersAdded} / {job.counts.groupsCreated} / {job.counts.failed}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
