import type { Repositories } from '../../domain/shared/unit-of-work.port';

/** Told, after a transaction commits, that it queued cards to send (invites or announcement copies). */
export type DeliveriesQueued = () => void;

/**
 * Wraps the repository methods that put cards in the delivery queue so that the unit of work learns a
 * transaction queued some; it tells the delivery worker after commit (before, the worker would not see
 * them yet). One place for every path that queues: adding members, uploads, resends, announcements.
 */
export function noticeQueuedDeliveries(repos: Repositories, queued: () => void): Repositories {
  const cardInvites = repos.cardInvites;
  const announcements = repos.announcements;
  const noting =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      queued();
      return result;
    };
  return {
    ...repos,
    cardInvites: Object.assign(Object.create(cardInvites), {
      enqueue: noting(cardInvites.enqueue.bind(cardInvites)),
      enqueueMany: noting(cardInvites.enqueueMany.bind(cardInvites)),
    }),
    announcements: Object.assign(Object.create(announcements), {
      start: noting(announcements.start.bind(announcements)),
      queueReminders: noting(announcements.queueReminders.bind(announcements)),
    }),
  };
}
