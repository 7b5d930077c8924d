import { Button, Link, makeStyles, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { download } from '../api/client';
import type { Job, ProblemTotal } from '../api/types';
import { useApi } from '../api/use-api';
import { useJobPolling } from '../api/use-job-polling';
import { JobProgress } from '../components/job-progress';
import { ProblemsPanel } from '../components/problems-panel';
import { RowOutcomesPanel } from '../components/row-outcomes-panel';
import { EmptyState, ErrorState } from '../components/states';
import { useT } from '../i18n/use-t';
import { kindKey, timeStamp } from './jobs-page';

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
  const t = useT();
  const intl = useIntl();
  const { id = '' } = useParams();
  const answer = useApi<{ job: Job; totals: ProblemTotal[] }>(`/api/v1/jobs/${id}`);
  const job = useJobPolling(answer.data?.job);
  if (answer.error !== undefined) return <ErrorState error={answer.error} onRetry={answer.reload} />;
  if (!answer.data || !job) return <Spinner label={t('tab-uploads.log.loading')} />;
  const base = job.fileName.replace(/\.csv$/i, '');
  return (
    <>
      <Link className={styles.back} onClick={() => navigate('/jobs')}>
        {t('tab-uploads.log.back')}
      </Link>
      <Title2 as="h1">{t('tab-uploads.log.title', { when: timeStamp(job.uploadedAt, intl) })}</Title2>
      <div className={styles.meta}>
        <Text weight="semibold">{t('tab-uploads.file')}</Text>
        <Text>{job.fileName}</Text>
        <Text weight="semibold">{t('tab-uploads.kind')}</Text>
        <Text>{t(kindKey(job.kind))}</Text>
        <Text weight="semibold">{t('tab-uploads.log.defaultRegion')}</Text>
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
          {t('tab-uploads.log.errorReport')}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => download(`/api/v1/jobs/${job.id}/file`, job.fileName)}
        >
          {t('tab-uploads.log.originalFile')}
        </Button>
      </div>
      {applying.has(job.status) && (
        <>
          <Title3 as="h2">{t('tab-uploads.log.eachRow')}</Title3>
          <RowOutcomesPanel job={job} />
        </>
      )}
      <Title3 as="h2">
        {applying.has(job.status) ? t('tab-uploads.log.problemsAndSummary') : t('tab-uploads.log.log')}
      </Title3>
      {answer.data.totals.length === 0 ? (
        <EmptyState title={t('tab-uploads.log.nothing.title')}>
          {t('tab-uploads.log.nothing.text')}
        </EmptyState>
      ) : (
        <ProblemsPanel
          title={t('tab-uploads.log.jobLog')}
          path={`/api/v1/jobs/${job.id}/log`}
          totals={answer.data.totals}
          entriesKey="entries"
        />
      )}
    </>
  );
}
