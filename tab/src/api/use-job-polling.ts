import { useEffect, useState } from 'react';
import { api } from './client';
import type { Job } from './types';

const finished = new Set(['completed', 'partial', 'failed']);
const POLL_MS = 800;

/** Follows a job until it finishes, so its progress bar moves while the worker runs. */
export function useJobPolling(initial: Job | undefined): Job | undefined {
  const [job, setJob] = useState(initial);
  useEffect(() => setJob(initial), [initial]);
  const id = job?.id;
  const done = job ? finished.has(job.status) || job.status === 'ready' || job.status === 'invalid' : true;
  useEffect(() => {
    if (!id || done) return;
    const timer = setInterval(async () => {
      try {
        const answer = await api.get<{ job: Job }>(`/api/v1/jobs/${id}`);
        setJob(answer.job);
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, done]);
  return job;
}
