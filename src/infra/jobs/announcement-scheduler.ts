import type { Logger } from 'pino';
import { startNextDueAnnouncement } from '../../domain/announcements/start-due-announcements';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import { PollingLoop } from './polling-loop';

/**
 * Starts due announcements, in every instance: each round starts the next due one in a transaction
 * that locks it (see `startNextDueAnnouncement`), so however many instances poll, each announcement
 * starts once, and one that came due while every instance was down starts at the next start-up. The
 * copies it queues wake the delivery worker when the transaction commits.
 */
export class AnnouncementScheduler {
  private readonly polling: PollingLoop;

  constructor(ctx: DomainContext, logger: Logger, pollMs = 1000) {
    this.polling = new PollingLoop(
      async () => {
        const started = await startNextDueAnnouncement(ctx);
        if (started)
          logger.info({ announcementId: started.id, queued: started.queued }, 'announcement started');
        return started !== undefined;
      },
      pollMs,
      (error) => logger.error({ err: error }, 'starting due announcements failed'),
    );
  }

  start(): void {
    this.polling.start();
  }

  /** Looks now (an announcement was just scheduled for now, or brought forward). */
  nudge(): void {
    this.polling.nudge();
  }

  stop(): Promise<void> {
    return this.polling.stop();
  }
}
