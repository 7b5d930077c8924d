import { BotStateConflict, KyselyBotStateStorage } from '../../../src/infra/storage/bot-state-storage';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('bot state storage', (dialect) => {
  let under: StorageUnderTest;
  let storage: KyselyBotStateStorage;
  beforeEach(async () => {
    under = await dialect.open();
    storage = new KyselyBotStateStorage(under.storage.db);
  });
  afterEach(() => under.dispose());

  test('when an item is written and read back, then it comes with an eTag and its content intact', async () => {
    await storage.write({ 'msteams/users/u1': { region: 'IN', recent: ['a', 'b'], nested: { n: 1 } } });
    const items = await storage.read(['msteams/users/u1', 'msteams/users/unknown']);
    expect(Object.keys(items)).toEqual(['msteams/users/u1']);
    expect(items['msteams/users/u1']).toEqual({
      region: 'IN',
      recent: ['a', 'b'],
      nested: { n: 1 },
      eTag: expect.stringMatching(/^\d+$/),
    });
  });

  test('when a write names a stale eTag, then it fails with an eTag conflict and the newer content stays', async () => {
    await storage.write({ k: { value: 'first' } });
    const { k: read } = await storage.read(['k']);
    await storage.write({ k: { ...read, value: 'second' } });
    const stale = { ...read, value: 'stale' };
    const failure = storage.write({ k: stale });
    await expect(failure).rejects.toBeInstanceOf(BotStateConflict);
    await expect(failure).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k'])).k).toMatchObject({ value: 'second' });
  });

  test('when the eTag is current, then the write succeeds and hands back the next eTag', async () => {
    await storage.write({ k: { value: 1 } });
    const item = (await storage.read(['k'])).k!;
    const before = item.eTag;
    item.value = 2;
    await storage.write({ k: item });
    expect(item.eTag).not.toBe(before);
    item.value = 3;
    await storage.write({ k: item }); // the handed-back eTag is good for a second write in the same turn
    expect((await storage.read(['k'])).k).toEqual({ value: 3, eTag: item.eTag });
  });

  test('when the eTag is "*" or missing, then the write wins unconditionally (the Storage contract)', async () => {
    await storage.write({ k: { value: 'one' } });
    await storage.write({ k: { value: 'two', eTag: '*' } });
    await storage.write({ k: { value: 'three' } });
    expect((await storage.read(['k'])).k).toMatchObject({ value: 'three' });
  });

  test('when two writers race to create the same new item, then exactly one wins', async () => {
    const attempts = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((who) => storage.write({ fresh: { who, eTag: 'new' } })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(BotStateConflict);
    }
  });

  test('when several writers update from the same eTag at once, then exactly one wins', async () => {
    await storage.write({ k: { n: 0 } });
    const read = (await storage.read(['k'])).k!;
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) => storage.write({ k: { n, eTag: read.eTag } })),
    );
    const winners = attempts.filter((a) => a.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(((await storage.read(['k'])).k as { n: number }).n).toBeGreaterThan(0);
  });

  test('when the same token-exchange id is written twice, then the second is a conflict (SSO de-duplication)', async () => {
    // TeamsSSOTokenExchangeMiddleware writes the exchange id as the eTag and relies on this.
    await storage.write({ 'exchange/u1': { eTag: 'exchange-id-1' } });
    await expect(storage.write({ 'exchange/u1': { eTag: 'exchange-id-1' } })).rejects.toThrow(
      /etag conflict/i,
    );
  });

  test('when one key of a multi-key write conflicts, then none of the keys is written', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const { a, b } = await storage.read(['a', 'b']);
    await storage.write({ b: { ...b, v: 2 } });
    await expect(storage.write({ a: { ...a, v: 9 }, b: { ...b, v: 9 } })).rejects.toBeInstanceOf(
      BotStateConflict,
    );
    const after = await storage.read(['a', 'b']);
    expect(after.a).toMatchObject({ v: 1 });
    expect(after.b).toMatchObject({ v: 2 });
  });

  test('when an item is deleted, then it reads as absent', async () => {
    await storage.write({ k: { v: 1 } });
    await storage.delete(['k']);
    expect(await storage.read(['k'])).toEqual({});
  });
});
