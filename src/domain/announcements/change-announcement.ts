import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { type Announcement, checkAnnouncementContent, checkSchedule } from './announcement';
import { AnnouncementAlreadyStarted, AnnouncementNotFound } from './announcement.errors';
import type { ComposeAnnouncementInput } from './compose-announcement';
import { assertMayAnnounce } from './may-announce';
import { imageFor } from './upload-announcement-image';

/**
 * Loads an announcement for someone who may send to its audience today (the check is repeated on
 * every change: a champ who lost the group loses its announcements). Strangers learn nothing.
 */
export async function loadAnnouncementFor(
  repos: Repositories,
  id: string,
  actor: Actor,
): Promise<Announcement> {
  const announcement = await repos.announcements.findById(id);
  if (!announcement) throw new AnnouncementNotFound();
  try {
    await assertMayAnnounce(repos, actor, announcement.audience);
  } catch {
    throw new AnnouncementNotFound();
  }
  return announcement;
}

/** Rewrites a scheduled announcement (its audience stays); refused once it started or was cancelled. */
export async function editAnnouncement(
  ctx: DomainContext,
  id: string,
  input: Omit<ComposeAnnouncementInput, 'audience'>,
  actor: Actor,
): Promise<Announcement> {
  const content = checkAnnouncementContent(input);
  const now = ctx.clock.now();
  const schedule = checkSchedule(input.sendAt, input.timeZone, now);
  return ctx.uow.run(async (repos) => {
    const announcement = await loadAnnouncementFor(repos, id, actor);
    const image = await imageFor(repos, input.imageId);
    if (!(await repos.announcements.updateScheduled(id, { content, image, ...schedule }, now)))
      throw new AnnouncementAlreadyStarted(announcement.state);
    await audit(repos, now, actor, announcement, 'announcement.edited');
    return { ...announcement, ...content, image, ...schedule };
  });
}

/** Cancels a scheduled announcement; refused once it started going out. */
export async function cancelAnnouncement(ctx: DomainContext, id: string, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.uow.run(async (repos) => {
    const announcement = await loadAnnouncementFor(repos, id, actor);
    if (!(await repos.announcements.cancelScheduled(id, now)))
      throw new AnnouncementAlreadyStarted(announcement.state);
    await audit(repos, now, actor, announcement, 'announcement.cancelled');
  });
}

/** Brings a scheduled announcement's time forward to now. */
export async function sendAnnouncementNow(ctx: DomainContext, id: string, actor: Actor): Promise<void> {
  const now = ctx.clock.now();
  await ctx.uow.run(async (repos) => {
    const announcement = await loadAnnouncementFor(repos, id, actor);
    if (!(await repos.announcements.sendScheduledNow(id, now)))
      throw new AnnouncementAlreadyStarted(announcement.state);
    await audit(repos, now, actor, announcement, 'announcement.sent-now');
  });
}

export async function audit(
  repos: Repositories,
  now: Date,
  actor: Actor,
  announcement: Announcement,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const groupId = announcement.audience.kind === 'organisation' ? null : announcement.audience.groupId;
  await repos.audit.append(
    auditEntry(now, actor.personId, action, groupId, { announcementId: announcement.id, ...details }),
  );
}
