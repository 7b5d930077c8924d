import { renderAnnouncementActivity } from '../../../bot/announcement-card/render-announcement-activity';
import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import { composeAnnouncement } from '../../../src/domain/announcements/compose-announcement';
import { createGroup } from '../../../src/domain/groups/create-group';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { DeliveryQueue } from '../../../src/infra/delivery/delivery-queue';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { AnnouncementScheduler } from '../../../src/infra/jobs/announcement-scheduler';
import { createLogger } from '../../../src/infra/logging/logger';
import { openStorage, type Storage } from '../../../src/infra/storage/database';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { seedAudience } from '../../support/announcement-world';
import { fastRetries } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { dropSchema, postgresAvailable, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';
import { soakSize } from '../../support/soak';

/** People in the audience: 3,000 in the soak run. */
const PEOPLE = soakSize(3_000, 800);
const LIMIT = 400;

/** One Convene process: its own pool, scheduler and delivery worker (pacing half the tenant's budget). */
function instance(storage: Storage) {
  let wake = () => {};
  const ctx = { uow: new KyselyUnitOfWork(storage.db, () => wake()), clock: systemClock };
  const logger = createLogger('silent');
  const worker = createDeliveryWorker({
    storage,
    ctx,
    directory: new LocalDirectory(storage.db, CONTOSO_TENANT, []),
    render: renderInviteActivity,
    renderAnnouncement: (content) => renderAnnouncementActivity(content, 'https://convene.test'),
    logger,
    options: { ratePerSecond: LIMIT / 2, perConversationPerSecond: 7, ...fastRetries, batchSize: 200 },
  });
  wake = () => worker.wake();
  const scheduler = new AnnouncementScheduler(ctx, logger, 20);
  return {
    start: () => {
      scheduler.start();
      worker.start();
    },
    stop: async () => {
      await scheduler.stop();
      await worker.stop();
    },
  };
}

(postgresAvailable() ? describe : describe.skip)('an announcement with two instances on PostgreSQL', () => {
  const schema = uniqueSchemaName();
  let first: Storage;
  let second: Storage;
  const connector = new BotConnectorServer({ perApp: LIMIT, perConversation: 7 });
  beforeAll(async () => {
    first = await openStorage({ databaseUrl: testDatabaseUrl, dataDir: ':memory:', schema });
    second = await openStorage({ databaseUrl: testDatabaseUrl, dataDir: ':memory:', schema });
    await connector.start();
  });
  afterAll(async () => {
    await connector.stop();
    await first.close();
    await second.close();
    await dropSchema(schema);
  });

  test(`when both start and send one announcement to ${PEOPLE} people, then each person gets it exactly once and no limit is crossed`, async () => {
    const world = new DomainWorld(first);
    const { actor, organisation } = await world.orgAdmin('Ira');
    const group = await createGroup(world.ctx, { name: 'Warehouse', organisationId: organisation.id }, actor);
    await seedAudience(first, group.id, PEOPLE, connector.url);
    const instances = [instance(first), instance(second)];
    for (const i of instances) i.start();
    // Scheduled for now: both schedulers race for it.
    const { announcement } = await composeAnnouncement(
      { uow: world.ctx.uow, clock: systemClock },
      {
        audience: { kind: 'group', groupId: group.id },
        title: 'Fire drill at 3',
        body: 'Leave by the **east** stairs.',
      },
      actor,
    );
    const queue = new DeliveryQueue(first.db, first.dialect, true);
    const until = Date.now() + 90_000;
    for (;;) {
      const counts = await queue.counts('announcement');
      const settled = (counts.sent ?? 0) + (counts.failed ?? 0);
      if ((settled >= PEOPLE + 1 && !counts.queued) || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(instances.map((i) => i.stop()));

    const copies = [...connector.deliveriesByInvite()].filter(([id]) => id.startsWith(`${announcement.id}/`));
    expect(copies).toHaveLength(PEOPLE);
    expect(copies.filter(([, n]) => n > 1)).toEqual([]);
    expect(connector.throttled).toEqual({ app: 0, conversation: 0 });
    // The org admin (the group's creator, so its first admin) never chatted with the bot: the reason says so.
    expect(await queue.counts('announcement')).toEqual({ sent: PEOPLE, failed: 1 });
    const started = await first.db
      .selectFrom('audit_entries')
      .select('id')
      .where('action', '=', 'announcement.started')
      .execute();
    expect(started).toHaveLength(1);
  }, 120_000);
});
