import type { Logger } from 'pino';
import { announcementImagePath } from '../../domain/announcements/announcement-image';
import type { Clock } from '../../domain/shared/clock.port';
import { backoffDelay } from '../retry/backoff';
import type { RenderAnnouncementActivity } from './announcement-card-content';
import { type BotConnectorClient, ConnectorError } from './bot-connector-client';
import type { ChannelPost, ChannelPostQueue } from './channel-post-queue';
import type { Pacer } from './pacer';

/** Finds a team's General channel, adding Convene to the team first (GraphTeamChannels in tenant mode). */
export interface TeamChannels {
  generalChannel(tenantId: string, teamId: string): Promise<string>;
}

export interface ChannelPosterDeps {
  queue: ChannelPostQueue;
  /** Absent in local mode (no Graph): posts are reported as not possible. */
  channels: TeamChannels | undefined;
  connector: BotConnectorClient;
  /** Where the Bot Connector for the tenant's teams is (BOT_SERVICE_URL). */
  serviceUrl: string;
  botId?: string;
  /** The channel's card: the announcement as members see it, without a per-person Acknowledge. */
  render: RenderAnnouncementActivity;
  clock: Clock;
  logger: Logger;
}

export interface ChannelPosterOptions {
  workerId: string;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs?: number;
}

/** Plain words for the report when Convene may not post in a team. */
const NOT_ADDED = 'Convene could not be added to the team.';

/**
 * Posts announcements in the General channel of each target group's team, as the bot: adds Convene to
 * the team if needed, finds the channel, and starts a thread there through the Bot Connector, behind the
 * same per-tenant pacer as the 1:1 cards. Each failure is recorded for its group and stops nothing else.
 */
export class ChannelPoster {
  constructor(
    private readonly deps: ChannelPosterDeps,
    private readonly options: ChannelPosterOptions,
  ) {}

  /** Claims due posts and sends them; returns how many it handled. */
  async runOnce(pacerFor: (tenantId: string) => Pacer): Promise<number> {
    const { queue, clock } = this.deps;
    const posts = await queue.claim(this.options.workerId, 20, clock.now(), this.options.leaseMs ?? 60_000);
    await Promise.all(
      posts.map((post) =>
        this.post(post, pacerFor).catch((error) => {
          this.deps.logger.error({ err: error, groupId: post.groupId }, 'channel post failed unexpectedly');
        }),
      ),
    );
    return posts.length;
  }

  private async post(post: ChannelPost, pacerFor: (tenantId: string) => Pacer): Promise<void> {
    const { queue, clock, channels } = this.deps;
    if (!post.tenantId || !channels) {
      await queue.fail(post, clock.now(), {
        code: 'CHANNEL_POST_UNAVAILABLE',
        reason: 'Convene is not connected to Microsoft Teams for this organisation.',
      });
      return;
    }
    const tenantId = post.tenantId;
    let channelId: string;
    try {
      channelId = await channels.generalChannel(tenantId, post.teamId);
    } catch (error) {
      await this.handle(post, error);
      return;
    }
    // Marked as leaving only once the gates let it go, so a crash while waiting never posts it twice.
    await pacerFor(tenantId).pass(channelId);
    if (!(await queue.markSending(post, this.options.workerId, clock.now(), this.options.leaseMs ?? 60_000)))
      return;
    try {
      const activityId = await this.deps.connector.createChannelConversation(this.deps.serviceUrl, {
        botId: this.deps.botId,
        tenantId,
        channelId,
        activity: this.deps.render({
          deliveryId: `${post.announcementId}/channel/${post.groupId}`,
          title: post.title,
          body: post.body,
          senderName: post.senderName,
          groupName: post.groupName,
          link: post.linkUrl ? { url: post.linkUrl, label: post.linkLabel ?? 'Open' } : null,
          imagePath: announcementImagePath(post.imagePath ? { path: post.imagePath } : null),
          acknowledge: false,
          reminder: false,
          locale: null,
        }),
      });
      await queue.markSent(post, clock.now(), activityId);
    } catch (error) {
      if (error instanceof ConnectorError && error.status === 429)
        pacerFor(tenantId).pause(channelId, error.retryAfterMs ?? 1000);
      await this.handle(post, error);
    }
  }

  /** 429 and 5xx are tried again (after Retry-After when given); 403/404 and the rest are reported. */
  private async handle(post: ChannelPost, error: unknown): Promise<void> {
    const { queue, clock, logger } = this.deps;
    const now = clock.now();
    const status =
      error instanceof ConnectorError
        ? error.status
        : ((error as { status?: number; statusCode?: number }).status ??
          (error as { statusCode?: number }).statusCode ??
          null);
    const code = (error as { code?: string }).code;
    const attempts = post.attempts + 1;
    if ((status === 429 || (status !== null && status >= 500)) && attempts < this.options.maxAttempts) {
      const retryAfter = error instanceof ConnectorError ? error.retryAfterMs : null;
      const afterMs =
        retryAfter ??
        backoffDelay(attempts, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs });
      await queue.retryLater({ ...post, attempts }, now, new Date(now.getTime() + afterMs), {
        code: status === 429 ? 'THROTTLED' : 'TEAMS_UNAVAILABLE',
        reason: `Teams answered ${status}; trying again.`,
      });
      return;
    }
    const problem =
      status === 403 || code === 'APP_NOT_ADDED_TO_TEAM'
        ? { code: 'APP_NOT_ADDED_TO_TEAM', reason: NOT_ADDED }
        : code === 'TEAM_NOT_FOUND' || status === 404
          ? { code: 'TEAM_NOT_FOUND', reason: 'The team no longer exists.' }
          : code === 'APP_NOT_IN_CATALOG'
            ? {
                code,
                reason: 'Convene is not in the organisation’s Teams app catalog (TEAMS_APP_CATALOG_ID).',
              }
            : { code: 'CHANNEL_POST_FAILED', reason: error instanceof Error ? error.message : String(error) };
    logger.warn({ groupId: post.groupId, code: problem.code }, 'announcement not posted in the channel');
    await queue.fail(post, now, problem);
  }
}
