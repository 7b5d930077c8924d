import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type Announcement, checkAnnouncementContent, checkAudience, checkSchedule } from './announcement';
import { assertMayAnnounce } from './may-announce';
import { imageFor } from './upload-announcement-image';

/** What the portal, the bot's compose card and the API send. */
export interface ComposeAnnouncementInput {
  audience: unknown;
  title?: unknown;
  body?: unknown;
  linkUrl?: unknown;
  linkLabel?: unknown;
  acknowledge?: unknown;
  /** Also post in the General channel of each target group's team. */
  postInChannel?: unknown;
  /** ISO 8601 with an offset; absent: send now. */
  sendAt?: unknown;
  /** The sender's IANA time zone, to show the time as they wrote it. */
  timeZone?: unknown;
  /** A picture uploaded first (`uploadAnnouncementImage`), by its id; absent or empty: none. */
  imageId?: unknown;
}

/**
 * Schedules an announcement (for now, or later): checks what was written and that the sender may reach
 * that audience, records it with the audit entry, and answers how many people it reaches today. The
 * scheduler starts it when due (`startDueAnnouncements`), in whichever instance gets there first.
 */
export async function composeAnnouncement(
  ctx: DomainContext,
  input: ComposeAnnouncementInput,
  actor: Actor,
): Promise<{ announcement: Announcement; audienceCount: number }> {
  const content = checkAnnouncementContent(input);
  const audience = checkAudience(input.audience);
  const now = ctx.clock.now();
  const schedule = checkSchedule(input.sendAt, input.timeZone, now);
  return ctx.uow.run(async (repos) => {
    const { organisationId } = await assertMayAnnounce(repos, actor, audience);
    const image = await imageFor(repos, input.imageId);
    const announcement: Announcement = {
      id: newId(),
      organisationId,
      audience,
      ...content,
      ...schedule,
      state: 'scheduled',
      createdBy: actor.personId,
      createdAt: now.toISOString(),
      startedAt: null,
      audienceCount: null,
      remindedAt: null,
      image,
    };
    await repos.announcements.insert(announcement);
    await repos.audit.append(
      auditEntry(
        now,
        actor.personId,
        'announcement.scheduled',
        audience.kind === 'organisation' ? null : audience.groupId,
        {
          announcementId: announcement.id,
          audience: audience.kind,
          sendAt: schedule.sendAt,
        },
      ),
    );
    return { announcement, audienceCount: await repos.announcements.countAudience(audience) };
  });
}

/** How many people an audience reaches, for the count shown before sending (same permission as sending). */
export async function countAnnouncementAudience(
  ctx: DomainContext,
  rawAudience: unknown,
  actor: Actor,
): Promise<number> {
  const audience = checkAudience(rawAudience);
  return ctx.uow.run(async (repos) => {
    await assertMayAnnounce(repos, actor, audience);
    return repos.announcements.countAudience(audience);
  });
}
