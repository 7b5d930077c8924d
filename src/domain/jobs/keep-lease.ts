import type { Clock } from '../shared/clock.port';
import type { UnitOfWork } from '../shared/unit-of-work.port';

/**
 * Renews a job's lease on a timer while long work runs outside any transaction (a file streamed,
 * Graph called), so no other worker takes the job over meanwhile. Returns the function that stops it.
 */
export function keepLease(
  uow: UnitOfWork,
  clock: Clock,
  lease: { jobId: string; owner: string; leaseMs: number },
  onError: (error: unknown) => void,
): () => void {
  const renewal = setInterval(
    () => {
      uow
        .run((repos) => repos.jobs.holdLease(lease.jobId, lease.owner, clock.now(), lease.leaseMs))
        .catch(onError);
    },
    Math.max(10, Math.floor(lease.leaseMs / 3)),
  );
  return () => clearInterval(renewal);
}
