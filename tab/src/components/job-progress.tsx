import { Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Job } from '../api/types';
import { useT } from '../i18n/use-t';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const finished = new Set(['completed', 'partial', 'failed']);
export const isFinished = (job: Job) => finished.has(job.status);

/** A job's status as a progress bar's label; the catalogue's `tab-uploads.status.<status>`. */
const statuses = new Set(['validating', 'ready', 'invalid', 'running', 'completed', 'partial', 'failed']);

/** How a piece of background work ended, or `working` while it runs. */
export type ProgressTone = 'working' | 'success' | 'warning' | 'error';

/** A labelled progress bar: "12 of 40 rows" (or people), coloured by how the work stands. */
export function ProgressField({
  label,
  done,
  total,
  unit,
  tone,
}: {
  label: string;
  done: number;
  total: number;
  unit: 'rows' | 'people';
  tone: ProgressTone;
}) {
  const t = useT();
  const progress = t('tab-uploads.progress', { done, total, unit });
  const value = total === 0 ? (tone === 'working' ? 0 : 1) : done / total;
  return (
    <Field
      label={label}
      validationState={tone === 'error' ? 'error' : tone === 'warning' ? 'warning' : 'none'}
      validationMessage={progress}
    >
      <ProgressBar
        value={value}
        thickness="large"
        color={tone === 'working' ? 'brand' : tone}
        aria-label={t('tab-uploads.progress.label', { label, progress })}
      />
    </Field>
  );
}

const toneOf = (job: Job): ProgressTone =>
  job.status === 'failed'
    ? 'error'
    : job.status === 'partial'
      ? 'warning'
      : job.status === 'completed'
        ? 'success'
        : 'working';

/** A job's live progress bar and what it has changed so far. */
export function JobProgress({ job }: { job: Job }) {
  const styles = useStyles();
  const t = useT();
  const counts = job.counts;
  return (
    <div>
      <ProgressField
        label={statuses.has(job.status) ? t(`tab-uploads.status.${job.status}`) : job.status}
        done={job.progress.done}
        total={job.progress.total}
        unit="rows"
        tone={toneOf(job)}
      />
      <div className={styles.counts}>
        <Text>{t('tab-uploads.counts.groupsCreated', { count: counts.groupsCreated })}</Text>
        <Text>{t('tab-uploads.counts.membersAdded', { count: counts.membersAdded })}</Text>
        <Text>{t('tab-uploads.counts.membersRemoved', { count: counts.membersRemoved })}</Text>
        <Text>{t('tab-uploads.counts.rolesChanged', { count: counts.rolesChanged })}</Text>
        <Text>{t('tab-uploads.counts.parentsSet', { count: counts.parentsSet })}</Text>
        <Text>{t('tab-uploads.counts.unchanged', { count: counts.unchanged })}</Text>
        <Text>{t('tab-uploads.counts.failed', { count: counts.failed })}</Text>
      </div>
    </div>
  );
}
