import { auditEntry } from '../audit/audit-entry';
import type { DomainContext } from '../shared/unit-of-work.port';

/**
 * Starts the next due announcement, if any: in one transaction, takes it (a row lock on PostgreSQL,
 * so another instance skips it), queues one delivery per person of its audience as it stands now and
 * marks it sending. The state change and the queue commit together, so an announcement starts exactly
 * once, also after a restart or with several instances. Returns how many people were queued, or
 * undefined when nothing was due.
 */
export async function startNextDueAnnouncement(
  ctx: DomainContext,
): Promise<{ id: string; queued: number } | undefined> {
  const now = ctx.clock.now();
  return ctx.uow.run(async (repos) => {
    const announcement = await repos.announcements.lockNextDue(now);
    if (!announcement) return undefined;
    const queued = await repos.announcements.start(announcement, now);
    const groupId = announcement.audience.kind === 'organisation' ? null : announcement.audience.groupId;
    await repos.audit.append(
      auditEntry(now, null, 'announcement.started', groupId, { announcementId: announcement.id, queued }),
    );
    return { id: announcement.id, queued };
  });
}
