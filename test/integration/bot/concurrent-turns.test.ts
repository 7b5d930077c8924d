import { randomUUID } from 'node:crypto';
import { TestAdapter, UserState } from 'botbuilder';
import { ReadBarrierStorage } from '../../fakes/read-barrier-storage';
import { BotUnderTest, cardText } from './support/bot-under-test';

describe('two turns at once', () => {
  let world: BotUnderTest;
  let barrier: ReadBarrierStorage;
  beforeEach(async () => {
    world = await BotUnderTest.open('local', (real) => {
      barrier = new ReadBarrierStorage(real);
      return barrier;
    });
  });
  afterEach(() => world.close());

  test('when two turns change the same person’s state from the same version, then the stale write fails, is retried and both changes stay', async () => {
    const asha = await world.user('Asha');
    barrier.holdNextReads(2);
    const [region, created] = await Promise.all([
      asha.say('region GB'),
      asha.say('create group Night shift'),
    ]);
    expect(region.texts[0]).toContain('as GB numbers');
    expect(cardText(created.cards[0])).toContain('Group created');
    expect(barrier.conflicts).toBe(1);
    // Both changes survived: the region is GB and the new group is the one "invite" means.
    expect((await asha.say('region')).texts[0]).toContain('as GB numbers');
    expect(cardText((await asha.say('invite')).cards[0])).toContain('Invite link for Night shift');
  });

  test('when botbuilder’s stock UserState does the same, then one change is silently lost (why Convene does not use it)', async () => {
    const userState = new UserState(barrier);
    const region = userState.createProperty<string>('region');
    const recent = userState.createProperty<string>('recent');
    const adapter = new TestAdapter(async () => undefined);
    const user = { id: `29:${randomUUID()}`, name: 'Asha' };
    let key = '';
    const turn = (set: (turn: import('botbuilder').TurnContext) => Promise<void>) =>
      adapter.processActivity({ type: 'message', text: 'x', from: user }, async (context) => {
        key = userState.getStorageKey(context)!;
        await set(context);
        await userState.saveChanges(context);
      });
    barrier.holdNextReads(2);
    await Promise.all([
      turn((context) => region.set(context, 'GB')),
      turn((context) => recent.set(context, 'Night shift')),
    ]);
    const stored = (await barrier.read([key]))[key] as Record<string, unknown>;
    expect(barrier.conflicts).toBe(0);
    expect([stored.region, stored.recent].filter(Boolean)).toHaveLength(1);
  });
});
