import type { Announcement, AnnouncementContent, Audience } from './announcement';
import type { AnnouncementImage } from './announcement-image';

/** One person's copy of an announcement, as the report lists it. */
export interface AnnouncementRecipient {
  personId: string;
  name: string | null;
  phone: string | null;
  groupId: string;
  groupName: string;
  state: 'queued' | 'sent' | 'failed';
  failureCode: string | null;
  failureReason: string | null;
  sentAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
}

export interface AnnouncementCounts {
  queued: number;
  sent: number;
  failed: number;
  read: number;
  acknowledged: number;
}

/** Announcements and their deliveries (the SQL lives in infra/storage). */
export interface AnnouncementRepository {
  insert(announcement: Announcement): Promise<void>;
  /** Announcements' pictures, stored once re-encoded; found by their id. */
  saveImage(image: AnnouncementImage): Promise<void>;
  findImage(id: string): Promise<AnnouncementImage | undefined>;
  findById(id: string): Promise<Announcement | undefined>;
  /** Announcements to a group (directly or as the top of a tree) or to an organisation, newest first. */
  list(filter: { groupIds: string[]; organisationIds: string[]; limit: number }): Promise<Announcement[]>;
  /**
   * Changes a scheduled announcement's content or time; false when it is no longer scheduled
   * (started or cancelled meanwhile: the update is conditional on the state).
   */
  updateScheduled(
    id: string,
    change: {
      content: AnnouncementContent;
      image: Announcement['image'];
      sendAt: string;
      timeZone: string;
    },
    now: Date,
  ): Promise<boolean>;
  /** Cancels, or moves the time to now; false when it was no longer scheduled. */
  cancelScheduled(id: string, now: Date): Promise<boolean>;
  sendScheduledNow(id: string, now: Date): Promise<boolean>;
  /** How many distinct people the audience reaches now (each person once, whatever their groups). */
  countAudience(audience: Audience): Promise<number>;
  /**
   * Takes the next due scheduled announcement for this transaction (row-locked on PostgreSQL, skipping
   * rows another instance holds); undefined when none is due.
   */
  lockNextDue(now: Date): Promise<Announcement | undefined>;
  /**
   * Queues one delivery per distinct person of the audience, set-at-a-time, and marks the
   * announcement as sending; returns how many were queued.
   */
  start(announcement: Announcement, now: Date): Promise<number>;
  counts(announcementId: string): Promise<AnnouncementCounts>;
  countsByGroup(
    announcementId: string,
  ): Promise<Array<AnnouncementCounts & { groupId: string; groupName: string }>>;
  recipients(
    announcementId: string,
    page: { after: string | null; limit: number },
  ): Promise<AnnouncementRecipient[]>;
  /** The delivery of this announcement to this person. */
  findDelivery(deliveryId: string): Promise<
    | {
        id: string;
        announcementId: string;
        personId: string;
        groupId: string;
        acknowledgedAt: string | null;
        readAt: string | null;
      }
    | undefined
  >;
  /** Records the acknowledgement once; false when it was already recorded. */
  acknowledge(deliveryId: string, now: Date): Promise<boolean>;
  /**
   * Marks as read every sent announcement in this chat whose Teams message id is at or before the last
   * one read (Teams' ids in a chat grow with time); returns how many were newly read.
   */
  markReadUpTo(conversationId: string, lastReadMessageId: string, now: Date): Promise<number>;
  /** Queues a reminder for those sent it who have not acknowledged, once per announcement; how many. */
  queueReminders(announcementId: string, now: Date): Promise<number>;
  /** Its posts in the General channels of the target groups' teams, by group name. */
  channelPosts(announcementId: string): Promise<ChannelPostOutcome[]>;
}

/** One group's post of an announcement in its team's General channel. */
export interface ChannelPostOutcome {
  groupId: string;
  groupName: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  sentAt: string | null;
  failureCode: string | null;
  /** Plain words, e.g. "Convene could not be added to the team." */
  failureReason: string | null;
}
