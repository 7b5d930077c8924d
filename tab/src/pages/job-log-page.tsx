import { Button, Link, makeStyles, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useNavigate, useParams } from 'react-router-dom';
import { download } from '../api/client';
import type { Job, ProblemTotal } from '../api/types';
import { useApi } from '../api/use-api';
import { useJobPolling } from '../api/use-job-polling';
import { JobProgress } from '../components/job-progress';
import { ProblemsPanel } from '../components/problems-panel';
import { RowOutcomesPanel } from '../components/row-outcomes-panel';
import { EmptyState, ErrorState } from '../components/states';
import { timeStamp } from './jobs-page';

const useStyles = makeStyles({
  meta: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `4px ${tokens.spacingHorizontalL}`,
    // A file name or the SHA-256 breaks anywhere rather than widening the page on a phone.
    overflowWrap: 'anywhere',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  // Apart from the heading under it, not run into it.
  back: { display: 'block', width: 'fit-content', marginBottom: tokens.spacingVerticalS },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    margin: `${tokens.spacingVerticalM} 0`,
  },
});

/** Statuses of a job whose rows have been (or are being) applied. */
const applying = new Set(['running', 'completed', 'partial', 'failed']);

/** One job's detailed log: who, when, what file, progress, every entry paged, and the downloads. */
export default function JobLogPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const answer = useApi<{ job: Job; totals: ProblemTotal[] }>(`/api/v1/jobs/${id}`);
  const job = useJobPolling(answer.data?.job);
  if (answer.error !== undefined) return <ErrorState error={answer.error} onRetry={answer.reload} />;
  if (!answer.data || !job) return <Spinner label="Loading the job…" />;
  const base = job.fileName.replace(/\.csv$/i, '');
  return (
    <>
      <Link className={styles.back} onClick={() => navigate('/jobs')}>
        ← All jobs
      </Link>
      <Title2 as="h1">Job of {timeStamp(job.uploadedAt)}</Title2>
      <div className={styles.meta}>
        <Text weight="semibold">File</Text>
        <Text>{job.fileName}</Text>
        <Text weight="semibold">Kind</Text>
        <Text>{job.kind === 'user-group-mapping' ? 'User Group Mapping' : 'Parent Group Mapping'}</Text>
        <Text weight="semibold">Default region</Text>
        <Text>{job.defaultRegion}</Text>
        <Text weight="semibold">SHA-256</Text>
        <Text font="monospace" size={200}>
          {job.sha256}
        </Text>
      </div>
      <JobProgress job={job} />
      <div className={styles.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => download(`/api/v1/jobs/${job.id}/errors.csv`, `${base}-errors.csv`)}
        >
          Error report
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => download(`/api/v1/jobs/${job.id}/file`, job.fileName)}
        >
          Original file
        </Button>
      </div>
      {applying.has(job.status) && (
        <>
          <Title3 as="h2">What happened to each row</Title3>
          <RowOutcomesPanel job={job} />
        </>
      )}
      <Title3 as="h2">{applying.has(job.status) ? 'Problems and summary' : 'Log'}</Title3>
      {answer.data.totals.length === 0 ? (
        <EmptyState title="Nothing to report">Every row went through without a problem.</EmptyState>
      ) : (
        <ProblemsPanel
          title="Job log"
          path={`/api/v1/jobs/${job.id}/log`}
          totals={answer.data.totals}
          entriesKey="entries"
        />
      )}
    </>
  );
}
