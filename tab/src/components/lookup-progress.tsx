import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { LookupView } from '../api/types';
import { useT } from '../i18n/use-t';
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
  const t = useT();
  return (
    <section aria-label={t('tab-uploads.lookup')} aria-live="polite">
      <ProgressField
        label={t(`tab-uploads.lookup.status.${lookup.status}`)}
        done={lookup.progress.done}
        total={lookup.progress.total}
        unit="people"
        tone={toneOf(lookup)}
      />
      <div className={styles.counts}>
        <Text>{t('tab-uploads.lookup.matched', { count: lookup.counts.matched })}</Text>
        <Text>{t('tab-uploads.lookup.notFound', { count: lookup.counts.notFound })}</Text>
        <Text>{t('tab-uploads.lookup.failed', { count: lookup.counts.failed })}</Text>
        {lookup.lastError && <Text>{lookup.lastError}</Text>}
      </div>
    </section>
  );
}
