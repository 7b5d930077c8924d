import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Announcement } from './announcement';
import type {
  AnnouncementCounts,
  AnnouncementRecipient,
  ChannelPostOutcome,
} from './announcement.repository';
import { loadAnnouncementFor } from './change-announcement';

export const REPORT_PAGE_MAX = 500;

export interface AnnouncementReport {
  announcement: Announcement;
  totals: AnnouncementCounts;
  byGroup: Array<AnnouncementCounts & { groupId: string; groupName: string }>;
  people: AnnouncementRecipient[];
  /** Its General-channel posts, one per target group with a team (empty when the option was off). */
  channelPosts: ChannelPostOutcome[];
  /** The person id to continue after, when there are more people than this page. */
  nextAfter: string | null;
}

/** Where an announcement stands: totals, per group and a page of people (for whoever may send to its audience). */
export async function announcementReport(
  ctx: DomainContext,
  id: string,
  page: { after?: string | null; limit?: number },
  actor: Actor,
): Promise<AnnouncementReport> {
  const limit = Math.min(Math.max(1, Math.floor(page.limit ?? 100)), REPORT_PAGE_MAX);
  return ctx.uow.read(async (repos) => {
    const announcement = await loadAnnouncementFor(repos, id, actor);
    const [totals, byGroup, people, channelPosts] = await Promise.all([
      repos.announcements.counts(id),
      repos.announcements.countsByGroup(id),
      repos.announcements.recipients(id, { after: page.after ?? null, limit: limit + 1 }),
      repos.announcements.channelPosts(id),
    ]);
    const more = people.length > limit;
    const shown = more ? people.slice(0, limit) : people;
    return {
      announcement,
      totals,
      byGroup,
      people: shown,
      channelPosts,
      nextAfter: more ? shown[shown.length - 1]!.personId : null,
    };
  });
}

/** Announcements the actor may see: those to groups they may announce to, and their organisations' if org admin. */
export async function listAnnouncements(
  ctx: DomainContext,
  filter: { groupIds: string[]; organisationIds: string[] },
  actor: Actor,
): Promise<Array<Announcement & { totals: AnnouncementCounts }>> {
  const groupIds = filter.groupIds.slice(0, 200);
  const organisationIds = filter.organisationIds.slice(0, 20);
  return ctx.uow.read(async (repos) => {
    const found = await repos.announcements.list({ groupIds, organisationIds, limit: 100 });
    const visible: Array<Announcement & { totals: AnnouncementCounts }> = [];
    for (const announcement of found) {
      try {
        await loadAnnouncementFor(repos, announcement.id, actor);
      } catch {
        continue;
      }
      visible.push({ ...announcement, totals: await repos.announcements.counts(announcement.id) });
    }
    return visible;
  });
}
