import { renderAnnouncementActivity } from '../../../bot/announcement-card/render-announcement-activity';
import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import { composeAnnouncement } from '../../../src/domain/announcements/compose-announcement';
import { startNextDueAnnouncement } from '../../../src/domain/announcements/start-due-announcements';
import { createGroup } from '../../../src/domain/groups/create-group';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { DeliveryQueue } from '../../../src/infra/delivery/delivery-queue';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { createLogger } from '../../../src/infra/logging/logger';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { seedAudience } from '../../support/announcement-world';
import { fastRetries } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';
import { cardText } from '../bot/support/bot-under-test';

describeEachDialect('announcement cards in the reader’s language', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let connector: BotConnectorServer;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    connector = new BotConnectorServer({ perApp: 500, perConversation: 7 });
    await connector.start();
  });
  afterEach(async () => {
    await connector.stop();
    await under.dispose();
  });

  const cardOf = (activity: Record<string, unknown> | undefined) =>
    ((activity?.attachments ?? []) as Array<{ content: Record<string, unknown> }>)[0]?.content;

  test('when a member stored as Hindi and one with no known language are sent an announcement, then the Hindi card’s own words are Hindi, the English one’s English, and the title and text stay as written', async () => {
    const { actor, organisation } = await world.orgAdmin('Ira');
    const group = await createGroup(world.ctx, { name: 'Warehouse', organisationId: organisation.id }, actor);
    await seedAudience(under.storage, group.id, 2, connector.url);
    const readers = await under.storage.db
      .selectFrom('people')
      .select(['id', 'aad_object_id'])
      .where('display_name', 'in', ['Reader 0', 'Reader 1'])
      .orderBy('display_name')
      .execute();
    await under.storage.db
      .updateTable('people')
      .set({ locale: 'hi' })
      .where('id', '=', readers[0]!.id)
      .execute();
    const ctx = { uow: world.ctx.uow, clock: systemClock };
    await composeAnnouncement(
      ctx,
      {
        audience: { kind: 'group', groupId: group.id },
        title: 'Fire drill at 3',
        body: 'Leave by the **east** stairs.',
        acknowledge: true,
      },
      actor,
    );
    await startNextDueAnnouncement(ctx);
    const worker = createDeliveryWorker({
      storage: under.storage,
      ctx,
      directory: new LocalDirectory(under.storage.db, CONTOSO_TENANT, []),
      render: renderInviteActivity,
      renderAnnouncement: (content) => renderAnnouncementActivity(content, 'https://convene.test'),
      logger: createLogger('silent'),
      options: { ratePerSecond: 50, perConversationPerSecond: 7, ...fastRetries },
    });
    const queue = new DeliveryQueue(under.storage.db, under.storage.dialect, true);
    while ((await queue.counts('announcement')).queued) await worker.runOnce();

    const sentTo = (i: number) =>
      connector.accepted.find((a) => a.conversationId === `a:personal:${readers[i]!.aad_object_id}`)?.body;
    const hindi = cardText(cardOf(sentTo(0)));
    expect(hindi).toContain('Ira की ओर से · Warehouse');
    expect(hindi).toContain('मैंने यह पढ़ लिया है');
    expect(hindi).toContain('Fire drill at 3');
    expect(hindi).toContain('Leave by the **east** stairs.');
    expect(sentTo(0)?.summary).toBe('Fire drill at 3');

    const english = cardText(cardOf(sentTo(1)));
    expect(english).toContain('From Ira · Warehouse');
    expect(english).toContain('I have read this');
  });

  test('when a reminder goes to a member stored as Hindi, then its notification says Reminder in Hindi', () => {
    const activity = renderAnnouncementActivity(
      {
        deliveryId: 'd1',
        title: 'Fire drill at 3',
        body: 'Leave by the east stairs.',
        senderName: 'Ira',
        groupName: 'Warehouse',
        link: null,
        imagePath: null,
        acknowledge: true,
        reminder: true,
        locale: 'hi',
      },
      'https://convene.test',
    );
    expect(activity.summary).toBe('याद दिलाना: Fire drill at 3');
    expect(cardText(cardOf(activity as Record<string, unknown>))).toContain('याद दिलाना');
  });
});
