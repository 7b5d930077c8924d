import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import { listCardInvites } from '../../../src/domain/invites/list-card-invites';
import { resendCardInvite } from '../../../src/domain/invites/resend-card-invite';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { DeliveryQueue } from '../../../src/infra/delivery/delivery-queue';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { createLogger } from '../../../src/infra/logging/logger';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { drained, fastRetries, seedInvites, workerFor } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { soakSize } from '../../support/soak';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

/** Invites in the throttling, flaky run: 2,000 in the soak run. */
const INVITES = soakSize(2000, 600);

/** The most requests any one-second window held, per conversation and overall. */
function busiestWindows(connector: BotConnectorServer) {
  const byConversation = new Map<string, number[]>();
  for (const a of connector.accepted) {
    byConversation.set(a.conversationId, [...(byConversation.get(a.conversationId) ?? []), a.at]);
  }
  const busiest = (times: number[]) => {
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  };
  return {
    conversation: Math.max(...[...byConversation.values()].map(busiest)),
    app: busiest(connector.accepted.map((a) => a.at)),
  };
}

describeEachDialect('invite card delivery', (dialect) => {
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

  test(`when ${INVITES} invites go out through a throttling, flaky connector, then none is lost or duplicated and no limit is crossed`, async () => {
    // People in 5 groups: each person's chat receives 5 cards, so the per-chat limit matters.
    const { entries } = await seedInvites(under.storage, world, {
      people: INVITES / 5,
      groups: 5,
      connectorUrl: '',
    });
    await rewriteServiceUrls(under, connector.url);
    // 3% of requests fail with a transient status Teams documents.
    const statuses = [503, 502, 504, 412];
    connector.fault = (_conversation, n) => (n % 33 === 0 ? { status: statuses[n % 4]! } : undefined);
    const worker = workerFor(under.storage, world, entries, { ratePerSecond: 450, batchSize: 200 });
    worker.start();
    const counts = await drained(under.storage);
    await worker.stop();

    expect(counts).toEqual({ sent: INVITES });
    const deliveries = connector.deliveriesByInvite();
    expect(deliveries.size).toBe(INVITES);
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    // About one request in 33 fails.
    expect(connector.faulted.length).toBeGreaterThan(INVITES / 40);
    expect(connector.throttled.conversation).toBe(0);
    const busiest = busiestWindows(connector);
    expect(busiest.conversation).toBeLessThanOrEqual(7);
    expect(busiest.app).toBeLessThanOrEqual(500);
  }, 120_000);

  test('when two workers share the queue, then every invite is sent exactly once', async () => {
    const { entries } = await seedInvites(under.storage, world, { people: 150, groups: 2, connectorUrl: '' });
    await rewriteServiceUrls(under, connector.url);
    const workers = [1, 2].map((n) =>
      workerFor(under.storage, world, entries, { workerId: `w${n}`, ratePerSecond: 200, batchSize: 20 }),
    );
    for (const w of workers) w.start();
    const counts = await drained(under.storage);
    await Promise.all(workers.map((w) => w.stop()));
    expect(counts).toEqual({ sent: 300 });
    expect(connector.accepted).toHaveLength(300);
    expect(new Set(connector.accepted.map((a) => a.inviteId)).size).toBe(300);
  }, 60_000);

  test('when a batch holds invites to big groups, then member counts are read once per batch and each person is looked up once', async () => {
    // 40 people in 3 groups: one batch of 120 invites, three cards per person.
    const { entries } = await seedInvites(under.storage, world, { people: 40, groups: 3, connectorUrl: '' });
    await rewriteServiceUrls(under, connector.url);
    const groups = await under.storage.db.selectFrom('groups').select('id').orderBy('name').execute();
    // Some people joined the first group another way: its cards must say 1 + 10 members.
    await under.storage.db
      .updateTable('memberships')
      .set({ state: 'joined' })
      .where('group_id', '=', groups[0]!.id)
      .where('person_id', 'in', (eb) =>
        eb
          .selectFrom('people')
          .select('id')
          .where('phone', '<=', '+919800000009')
          .where('phone', 'is not', null),
      )
      .execute();
    const statements: string[] = [];
    const base = under.storage.db;
    const recording = base.withPlugin({
      transformQuery: (args) => {
        statements.push(base.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const worker = createDeliveryWorker({
      storage: { db: recording, dialect: under.storage.dialect },
      ctx: { uow: world.ctx.uow, clock: systemClock },
      directory: new LocalDirectory(base, CONTOSO_TENANT, entries),
      render: renderInviteActivity,
      logger: createLogger('silent'),
      options: { ratePerSecond: 450, perConversationPerSecond: 7, ...fastRetries, batchSize: 200 },
    });
    expect(await worker.runOnce()).toBe(120);
    await worker.stop();

    // Nothing counts memberships: the groups' counts are read once for the batch, as the database keeps them.
    expect(statements.filter((sql) => /count\(/i.test(sql))).toEqual([]);
    const counts = statements.filter((sql) => /"joined_count"/.test(sql));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/from "groups"/);
    expect(statements.filter((sql) => /from "teams_addresses"/.test(sql))).toHaveLength(40);
    // The 10 who joined the first group need no card there.
    expect(connector.accepted).toHaveLength(110);
    const groupOf = new Map(
      (await base.selectFrom('card_invites').select(['id', 'group_id']).execute()).map((r) => [
        r.id,
        r.group_id,
      ]),
    );
    const shown = (groupId: string) =>
      new Set(
        connector.accepted
          .filter((a) => groupOf.get(a.inviteId!) === groupId)
          .map((a) => JSON.stringify(a.body).match(/"title":"Members","value":"([^"]+)"/)![1]),
      );
    expect(shown(groups[0]!.id)).toEqual(new Set(['11']));
    expect(shown(groups[1]!.id)).toEqual(new Set(['1']));
  });

  test('when Teams throttles with Retry-After, then the invite waits at least that long before its next attempt', async () => {
    const { entries } = await seedInvites(under.storage, world, { people: 1, groups: 1, connectorUrl: '' });
    await rewriteServiceUrls(under, connector.url);
    const attempts: number[] = [];
    connector.fault = (_conversation, n) => {
      attempts.push(Date.now());
      return n === 1 ? { status: 429, retryAfter: 1 } : undefined;
    };
    const worker = workerFor(under.storage, world, entries);
    worker.start();
    expect(await drained(under.storage)).toEqual({ sent: 1 });
    await worker.stop();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(1000);
  });

  test.each([
    ['a transient error that never clears', 503, 'RETRIES_EXHAUSTED', 4],
    ['the person blocked the bot', 403, 'BOT_BLOCKED', 1],
    ['the chat is gone', 404, 'CONVERSATION_NOT_FOUND', 1],
    ['a bad request', 400, 'TEAMS_REJECTED', 1],
  ])(
    'when the connector keeps answering %s (%i), then the invite fails with %s after %i attempt(s)',
    async (_what, status, code, tries) => {
      const { entries } = await seedInvites(under.storage, world, { people: 1, groups: 1, connectorUrl: '' });
      await rewriteServiceUrls(under, connector.url);
      connector.fault = () => ({ status });
      const worker = workerFor(under.storage, world, entries, { maxAttempts: 4 });
      worker.start();
      expect(await drained(under.storage)).toEqual({ failed: 1 });
      await worker.stop();
      expect(connector.faulted).toHaveLength(tries);
      const row = await under.storage.db.selectFrom('card_invites').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ failure_code: code, attempts: tries });
      expect(row.failure_reason).toContain(String(status));
    },
  );

  test('when someone cannot be found by phone, then their invite fails with NOT_IN_DIRECTORY and Resend tries it again', async () => {
    const { entries } = await seedInvites(under.storage, world, {
      people: 3,
      groups: 1,
      connectorUrl: '',
      reachable: (i) => i !== 1,
    });
    await rewriteServiceUrls(under, connector.url);
    const worker = workerFor(under.storage, world, entries);
    worker.start();
    expect(await drained(under.storage)).toEqual({ sent: 2, failed: 1 });
    const group = await under.storage.db.selectFrom('groups').select('id').executeTakeFirstOrThrow();
    const { actor } = await world.orgAdmin('Ira');
    const listing = await listCardInvites(world.ctx, group.id, actor);
    expect(listing.counts).toEqual({ sent: 2, failed: 1 });
    const failed = listing.invites.find((i) => i.state === 'failed')!;
    expect(failed).toMatchObject({ failureCode: 'NOT_IN_DIRECTORY', person: { phone: '+919800000001' } });
    expect(failed.failureReason).toContain('+919800000001');

    await expect(
      resendCardInvite(world.ctx, { groupId: group.id, inviteId: failed.id }, actor),
    ).resolves.toEqual({
      queued: true,
    });
    expect(await drained(under.storage)).toEqual({ sent: 2, failed: 1 });
    await worker.stop();
    const queue = new DeliveryQueue(under.storage.db, under.storage.dialect);
    expect(await queue.counts()).toEqual({ sent: 2, failed: 1 });
    expect(connector.accepted).toHaveLength(2);
  });
});

/** The seeded chats point at the connector started for this test. */
async function rewriteServiceUrls(under: StorageUnderTest, url: string): Promise<void> {
  await under.storage.db.updateTable('teams_addresses').set({ service_url: url }).execute();
}
