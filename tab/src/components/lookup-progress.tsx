import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { LookupView } from '../api/types';
import { ProgressField, type ProgressTone } from './job-progress';

const POLL_MS = 800;
const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export const lookupFinished = (lookup: LookupView) =>
  lookup.status === 'succeeded' || lookup.status === 'failed';

/** Follows a Look up again job until it ends, then calls `onFinished` once (the list reloads). */
export function useLookupPolling(
  started: LookupView | undefined,
  onFinished: () => void,
): LookupView | undefined {
  const [lookup, setLookup] = useState(started);
  useEffect(() => setLookup(started), [started]);
  const id = lookup?.id;
  const done = lookup ? lookupFinished(lookup) : true;
  useEffect(() => {
    if (!id || done) return;
    const timer = setInterval(async () => {
      try {
        const answer = await api.get<{ lookup: LookupView }>(
          `/api/v1/portal/people-without-account/lookups/${id}`,
        );
        setLookup(answer.lookup);
        if (lookupFinished(answer.lookup)) onFinished();
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, done, onFinished]);
  return lookup;
}

const words: Record<LookupView['status'], string> = {
  queued: 'Waiting to look up…',
  running: 'Looking up…',
  succeeded: 'Lookup finished',
  failed: 'The lookup stopped',
};

const toneOf = (lookup: LookupView): ProgressTone =>
  lookup.status === 'failed'
    ? 'error'
    : lookup.status === 'succeeded'
      ? lookup.counts.failed > 0
        ? 'warning'
        : 'success'
      : 'working';

/** A Look up again job's progress and what the directory said so far. */
export function LookupProgress({ lookup }: { lookup: LookupView }) {
  const styles = useStyles();
  return (
    <section aria-label="Lookup progress" aria-live="polite">
      <ProgressField
        label={words[lookup.status]}
        done={lookup.progress.done}
        total={lookup.progress.total}
        unit="people"
        tone={toneOf(lookup)}
      />
      <div className={styles.counts}>
        <Text>Accounts found: {lookup.counts.matched}</Text>
        <Text>Still without an account: {lookup.counts.notFound}</Text>
        <Text>Could not ask the directory: {lookup.counts.failed}</Text>
        {lookup.lastError && <Text>{lookup.lastError}</Text>}
      </div>
    </section>
  );
}
