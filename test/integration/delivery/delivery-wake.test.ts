import { createGroup } from '../../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { drained, phoneNumber, seedInvites, workerFor } from '../../support/delivery-world';
import { DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('the delivery worker is woken when cards are queued', (dialect) => {
  let under: StorageUnderTest;
  let connector: BotConnectorServer;
  beforeEach(async () => {
    under = await dialect.open();
    connector = new BotConnectorServer();
    await connector.start();
  });
  afterEach(async () => {
    await connector.stop();
    await under.dispose();
  });

  test('when members are added while the worker sleeps on a one-minute poll, then their cards leave within seconds', async () => {
    const world = new DomainWorld(under.storage);
    // People who chatted with the bot, in no group yet.
    const { entries } = await seedInvites(under.storage, world, {
      people: 20,
      groups: 0,
      connectorUrl: connector.url,
    });
    const worker = workerFor(under.storage, world, entries, { pollMs: 60_000 });
    // The app's unit of work: a transaction that queued cards wakes the worker once it commits.
    const ctx = { uow: new KyselyUnitOfWork(under.storage.db, () => worker.wake()), clock: world.clock };
    const { actor, organisation } = await world.orgAdmin('Ira');
    const group = await createGroup(ctx, { name: 'Night shift', organisationId: organisation.id }, actor);
    worker.start();
    // Its first round found nothing: it now sleeps for a minute unless woken.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const phones = Array.from({ length: 20 }, (_, i) => phoneNumber(i));
    const queuedAt = Date.now();
    await addMembersByPhone(
      ctx,
      { groupId: group.id, phones, region: 'IN', role: 'member', source: 'manual' },
      actor,
    );
    const counts = await drained(under.storage, 10_000);
    const tookMs = Date.now() - queuedAt;
    await worker.stop();
    expect(counts).toEqual({ sent: 20 });
    expect(tookMs).toBeLessThan(10_000);
  });
});
