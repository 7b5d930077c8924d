import { Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Job } from '../api/types';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const finished = new Set(['completed', 'partial', 'failed']);
export const isFinished = (job: Job) => finished.has(job.status);

const statusWords: Record<string, string> = {
  validating: 'Checking the file…',
  ready: 'Ready to upload',
  invalid: 'The file has problems',
  running: 'Applying…',
  completed: 'Completed',
  partial: 'Completed with some failed rows',
  failed: 'Failed',
};

/** How a piece of background work ended, or `working` while it runs. */
export type ProgressTone = 'working' | 'success' | 'warning' | 'error';

/** A labelled progress bar: "12 of 40 rows", coloured by how the work stands. */
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
  unit: string;
  tone: ProgressTone;
}) {
  const value = total === 0 ? (tone === 'working' ? 0 : 1) : done / total;
  return (
    <Field
      label={label}
      validationState={tone === 'error' ? 'error' : tone === 'warning' ? 'warning' : 'none'}
      validationMessage={`${done} of ${total} ${unit}`}
    >
      <ProgressBar
        value={value}
        thickness="large"
        color={tone === 'working' ? 'brand' : tone}
        aria-label={`${label}: ${done} of ${total} ${unit}`}
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
  return (
    <div>
      <ProgressField
        label={statusWords[job.status] ?? job.status}
        done={job.progress.done}
        total={job.progress.total}
        unit="rows"
        tone={toneOf(job)}
      />
      <div className={styles.counts}>
        <Text>Groups created: {job.counts.groupsCreated}</Text>
        <Text>Members added: {job.counts.membersAdded}</Text>
        <Text>Removed: {job.counts.membersRemoved}</Text>
        <Text>Roles changed: {job.counts.rolesChanged}</Text>
        <Text>Parents set: {job.counts.parentsSet}</Text>
        <Text>Unchanged: {job.counts.unchanged}</Text>
        <Text>Failed: {job.counts.failed}</Text>
      </div>
    </div>
  );
}
