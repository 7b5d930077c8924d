import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Directory } from '../../domain/directory/directory.port';
import type { RenderInviteActivity } from '../../domain/invites/invite-card';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import type { Storage } from '../storage/database';
import { SqlTeamsAddressBook } from '../storage/repositories/teams-address-book.sql';
import type { RenderAnnouncementActivity } from './announcement-card-content';
import { BotConnectorClient, type ConnectorTokenSource } from './bot-connector-client';
import { ChannelPostQueue } from './channel-post-queue';
import { ChannelPoster, type TeamChannels } from './channel-poster';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker';
import { entraLinker } from './link-person';

export interface DeliverySetup {
  storage: Pick<Storage, 'db' | 'dialect'>;
  ctx: DomainContext;
  directory: Directory;
  render: RenderInviteActivity;
  /** Announcement copies go through the same queue and pacing when given. */
  renderAnnouncement?: RenderAnnouncementActivity;
  logger: Logger;
  /** General-channel posts: how to reach a team's channel and the channel's card; absent: none are sent. */
  channelPosts?: {
    channels: TeamChannels | undefined;
    render: RenderAnnouncementActivity;
    /** The Bot Connector for the tenant's teams (BOT_SERVICE_URL). */
    serviceUrl: string;
    botId?: string;
  };
  /** Bearer tokens for the Bot Connector; absent in local mode. */
  connectorToken?: ConnectorTokenSource;
  options: DeliveryWorkerOptions;
}

/** Wires a delivery worker over the database (the composition root, tests and benchmarks share it). */
export function createDeliveryWorker(setup: DeliverySetup): DeliveryWorker {
  const connector = new BotConnectorClient(setup.connectorToken);
  const workerId = setup.options.workerId ?? `delivery-${randomUUID()}`;
  const channelPosts =
    setup.channelPosts &&
    new ChannelPoster(
      {
        queue: new ChannelPostQueue(setup.storage.db),
        channels: setup.channelPosts.channels,
        connector,
        serviceUrl: setup.channelPosts.serviceUrl,
        botId: setup.channelPosts.botId,
        render: setup.channelPosts.render,
        clock: setup.ctx.clock,
        logger: setup.logger,
      },
      {
        workerId,
        maxAttempts: setup.options.maxAttempts,
        backoffBaseMs: setup.options.backoffBaseMs,
        backoffMaxMs: setup.options.backoffMaxMs,
        leaseMs: setup.options.leaseMs,
      },
    );
  return new DeliveryWorker(
    {
      queue: new DeliveryQueue(
        setup.storage.db,
        setup.storage.dialect,
        setup.renderAnnouncement !== undefined,
      ),
      addressBook: new SqlTeamsAddressBook(setup.storage.db),
      directory: setup.directory,
      connector,
      channelPosts,
      render: setup.render,
      renderAnnouncement: setup.renderAnnouncement,
      linkPerson: entraLinker(setup.ctx),
      clock: setup.ctx.clock,
      logger: setup.logger,
    },
    { ...setup.options, workerId },
  );
}
