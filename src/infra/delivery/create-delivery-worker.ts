import type { Logger } from 'pino';
import type { Directory } from '../../domain/directory/directory.port';
import type { RenderInviteActivity } from '../../domain/invites/invite-card';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import type { Storage } from '../storage/database';
import { SqlTeamsAddressBook } from '../storage/repositories/teams-address-book.sql';
import type { RenderAnnouncementActivity } from './announcement-card-content';
import { BotConnectorClient, type ConnectorTokenSource } from './bot-connector-client';
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
  /** Bearer tokens for the Bot Connector; absent in local mode. */
  connectorToken?: ConnectorTokenSource;
  options: DeliveryWorkerOptions;
}

/** Wires a delivery worker over the database (the composition root, tests and benchmarks share it). */
export function createDeliveryWorker(setup: DeliverySetup): DeliveryWorker {
  return new DeliveryWorker(
    {
      queue: new DeliveryQueue(
        setup.storage.db,
        setup.storage.dialect,
        setup.renderAnnouncement !== undefined,
      ),
      addressBook: new SqlTeamsAddressBook(setup.storage.db),
      directory: setup.directory,
      connector: new BotConnectorClient(setup.connectorToken),
      render: setup.render,
      renderAnnouncement: setup.renderAnnouncement,
      linkPerson: entraLinker(setup.ctx),
      clock: setup.ctx.clock,
      logger: setup.logger,
    },
    setup.options,
  );
}
