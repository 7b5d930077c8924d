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

/** A job's live progress bar and what it has changed so far. */
export function JobProgress({ job }: { job: Job }) {
  const styles = useStyles();
  const { done, total } = job.progress;
  const value = total === 0 ? (isFinished(job) ? 1 : 0) : done / total;
  return (
    <div>
      <Field
        label={statusWords[job.status] ?? job.status}
        validationState={job.status === 'failed' ? 'error' : job.status === 'partial' ? 'warning' : 'none'}
        validationMessage={`${done} of ${total} rows`}
      >
        <ProgressBar
          value={value}
          thickness="large"
          color={
            job.status === 'failed'
              ? 'error'
              : job.status === 'partial'
                ? 'warning'
                : job.status === 'completed'
                  ? 'success'
                  : 'brand'
          }
          aria-label="Job progress"
        />
      </Field>
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
