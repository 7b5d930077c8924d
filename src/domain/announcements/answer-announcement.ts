import type { Actor } from '../access/actor';
import type { TeamsIdentity } from '../people/identify-teams-user';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Announcement } from './announcement';
import {
  AnnouncementAlreadyReminded,
  AnnouncementInvalid,
  AnnouncementNotFound,
} from './announcement.errors';
import { audit, loadAnnouncementFor } from './change-announcement';

/** One person's copy of an announcement as their card shows it. */
export interface AnnouncementCardState {
  deliveryId: string;
  announcement: Announcement;
  groupName: string;
  senderName: string | null;
  acknowledgedAt: string | null;
}

/**
 * Records "I have read this" for the person who pressed it, once: pressing again (or on a second
 * device) changes nothing. Only the person the copy was sent to can acknowledge it.
 */
export async function acknowledgeAnnouncement(
  ctx: DomainContext,
  deliveryId: string,
  identity: TeamsIdentity,
): Promise<AnnouncementCardState> {
  return ctx.uow.run(async (repos) => {
    const { delivery, ...copy } = await ownCopy(ctx, repos, deliveryId, identity);
    if (!copy.announcement.acknowledge) return { ...copy, acknowledgedAt: null };
    const now = ctx.clock.now();
    if (delivery.acknowledgedAt) return { ...copy, acknowledgedAt: delivery.acknowledgedAt };
    await repos.announcements.acknowledge(deliveryId, now);
    return { ...copy, acknowledgedAt: now.toISOString() };
  });
}

/** The card as it stands for the person viewing it (Teams' `refresh`). */
export async function describeAnnouncementCopy(
  ctx: DomainContext,
  deliveryId: string,
  identity: TeamsIdentity,
): Promise<AnnouncementCardState> {
  return ctx.uow.read(async (repos) => {
    const { delivery, ...copy } = await ownCopy(ctx, repos, deliveryId, identity);
    return { ...copy, acknowledgedAt: delivery.acknowledgedAt };
  });
}

async function ownCopy(
  _ctx: DomainContext,
  repos: Parameters<Parameters<DomainContext['uow']['run']>[0]>[0],
  deliveryId: string,
  identity: TeamsIdentity,
) {
  const delivery = await repos.announcements.findDelivery(deliveryId.slice(0, 200));
  const person = await repos.people.findByAadObjectId(identity.tenantId, identity.aadObjectId);
  if (!delivery || !person || person.id !== delivery.personId) throw new AnnouncementNotFound();
  const announcement = await repos.announcements.findById(delivery.announcementId);
  if (!announcement) throw new AnnouncementNotFound();
  const group = await repos.groups.findById(delivery.groupId);
  const sender = await repos.people.findById(announcement.createdBy);
  return {
    delivery,
    deliveryId: delivery.id,
    announcement,
    groupName: group?.name ?? '',
    senderName: sender?.displayName ?? null,
  };
}

/**
 * Teams' read receipt for the bot's personal chat: everything the bot sent into that chat up to the
 * message last read has been seen. Counted once per person (only unread copies change).
 */
export async function recordReadReceipt(
  ctx: DomainContext,
  input: { conversationId: string; lastReadMessageId: string },
): Promise<number> {
  if (!/^\d{1,20}$/.test(input.lastReadMessageId) || input.conversationId.length > 500) return 0;
  return ctx.uow.run((repos) =>
    repos.announcements.markReadUpTo(input.conversationId, input.lastReadMessageId, ctx.clock.now()),
  );
}

/** Sends the announcement again, once, to those who were sent it and have not acknowledged it. */
export async function remindNonAcknowledgers(ctx: DomainContext, id: string, actor: Actor): Promise<number> {
  const now = ctx.clock.now();
  return ctx.uow.run(async (repos) => {
    const announcement = await loadAnnouncementFor(repos, id, actor);
    if (!announcement.acknowledge)
      throw new AnnouncementInvalid(
        'ANNOUNCEMENT_NOT_ACKNOWLEDGED_KIND',
        'This announcement has no Acknowledge button, so there is no one to remind.',
      );
    if (announcement.remindedAt) throw new AnnouncementAlreadyReminded();
    const queued = await repos.announcements.queueReminders(id, now);
    await audit(repos, now, actor, announcement, 'announcement.reminded', { queued });
    return queued;
  });
}
