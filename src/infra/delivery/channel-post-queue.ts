import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** One claimed General-channel post, with what the card says and where it goes. */
export interface ChannelPost {
  announcementId: string;
  groupId: string;
  groupName: string;
  teamId: string;
  tenantId: string | null;
  attempts: number;
  title: string;
  body: string;
  linkUrl: string | null;
  linkLabel: string | null;
  imagePath: string | null;
  senderName: string | null;
}

/**
 * The rows of `announcement_channel_posts` (one per announcement and group). Every change is a
 * conditional update on that row: a claim takes only a free row, the send is marked only by its holder
 * and only from `queued`, so a restart or a second instance never posts in one channel twice.
 */
export class ChannelPostQueue {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims up to `limit` due posts for `workerId` until `now + leaseMs`. The worker asks on every poll,
   * so when nothing is due or stuck this is reads only: no write takes SQLite's lock while idle.
   */
  async claim(workerId: string, limit: number, now: Date, leaseMs: number): Promise<ChannelPost[]> {
    const at = now.toISOString();
    if (await this.hasInterrupted(at)) await this.giveUpInterrupted(now);
    const due = await this.db
      .selectFrom('announcement_channel_posts')
      .select(['announcement_id', 'group_id'])
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    const mine: Array<{ announcement_id: string; group_id: string }> = [];
    for (const row of due) {
      const claimed = await this.db
        .updateTable('announcement_channel_posts')
        .set({ claimed_by: workerId, claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
        .where('announcement_id', '=', row.announcement_id)
        .where('group_id', '=', row.group_id)
        .where('state', '=', 'queued')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) mine.push(row);
    }
    if (mine.length === 0) return [];
    // What the claimed posts say, in one read.
    const rows = await this.db
      .selectFrom('announcement_channel_posts as c')
      .innerJoin('announcements as a', 'a.id', 'c.announcement_id')
      .innerJoin('groups as g', 'g.id', 'c.group_id')
      .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
      .leftJoin('people as sender', 'sender.id', 'a.created_by')
      .select([
        'c.announcement_id',
        'c.group_id',
        'g.name as group_name',
        'c.team_id',
        'o.tenant_id',
        'c.attempts',
        'a.title',
        'a.body',
        'a.link_url',
        'a.link_label',
        'a.image_path',
        'sender.display_name as sender_name',
      ])
      .where((eb) =>
        eb.or(
          mine.map((row) =>
            eb.and([eb('c.announcement_id', '=', row.announcement_id), eb('c.group_id', '=', row.group_id)]),
          ),
        ),
      )
      .execute();
    return rows.map((post) => ({
      announcementId: post.announcement_id,
      groupId: post.group_id,
      groupName: post.group_name,
      teamId: post.team_id,
      tenantId: post.tenant_id,
      attempts: Number(post.attempts),
      title: post.title,
      body: post.body,
      linkUrl: post.link_url,
      linkLabel: post.link_label,
      imagePath: post.image_path,
      senderName: post.sender_name,
    }));
  }

  /** Marks the post as leaving, only while this worker holds it; false means it is no longer ours to send. */
  async markSending(post: ChannelPost, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('announcement_channel_posts')
      .set({
        state: 'sending',
        attempts: post.attempts + 1,
        // A fresh lease for the request itself, so a slow claim never leaves it looking interrupted.
        claimed_until: new Date(now.getTime() + leaseMs).toISOString(),
        updated_at: now.toISOString(),
      })
      .where('announcement_id', '=', post.announcementId)
      .where('group_id', '=', post.groupId)
      .where('state', '=', 'queued')
      .where('claimed_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(post: ChannelPost, now: Date, activityId: string | null): Promise<void> {
    await this.settle(post, {
      state: 'sent',
      sent_at: now.toISOString(),
      activity_id: activityId,
      // A 429 waited out earlier is no longer news.
      failure_code: null,
      failure_reason: null,
      updated_at: now.toISOString(),
    });
  }

  async fail(post: ChannelPost, now: Date, problem: { code: string; reason: string }): Promise<void> {
    await this.settle(post, {
      state: 'failed',
      failure_code: problem.code,
      failure_reason: problem.reason,
      claimed_by: null,
      claimed_until: null,
      updated_at: now.toISOString(),
    });
  }

  /** Back in the queue, due at `dueAt` (a 429's Retry-After, a 5xx's backoff), with `post.attempts` made so far. */
  async retryLater(
    post: ChannelPost,
    now: Date,
    dueAt: Date,
    problem: { code: string; reason: string },
  ): Promise<void> {
    await this.db
      .updateTable('announcement_channel_posts')
      .set({
        state: 'queued',
        attempts: post.attempts,
        next_attempt_at: dueAt.toISOString(),
        claimed_by: null,
        claimed_until: null,
        failure_code: problem.code,
        failure_reason: problem.reason,
        updated_at: now.toISOString(),
      })
      .where('announcement_id', '=', post.announcementId)
      .where('group_id', '=', post.groupId)
      .where('state', 'in', ['queued', 'sending'])
      .execute();
  }

  private async settle(post: ChannelPost, set: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('announcement_channel_posts')
      .set(set)
      .where('announcement_id', '=', post.announcementId)
      .where('group_id', '=', post.groupId)
      .where('state', 'in', ['queued', 'sending'])
      .execute();
  }

  /** Whether any post is left `sending` past its lease (a read, through the index on state). */
  private async hasInterrupted(at: string): Promise<boolean> {
    const stuck = await this.db
      .selectFrom('announcement_channel_posts')
      .select('announcement_id')
      .where('state', '=', 'sending')
      .where('claimed_until', '<', at)
      .limit(1)
      .executeTakeFirst();
    return stuck !== undefined;
  }

  /**
   * A post left `sending` past its lease: its worker stopped mid-request, and Teams cannot be asked whether
   * the message arrived. A second post in a channel is worse than a missing one, so it is reported, not resent.
   */
  private async giveUpInterrupted(now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .updateTable('announcement_channel_posts')
      .set({
        state: 'failed',
        failure_code: 'CHANNEL_POST_INTERRUPTED',
        failure_reason:
          'The post was interrupted while being sent; look in the channel before posting again.',
        claimed_by: null,
        claimed_until: null,
        updated_at: at,
      })
      .where('state', '=', 'sending')
      .where('claimed_until', '<', at)
      .execute();
  }
}
