import type { Storage, StoreItems } from 'botbuilder';
import { CONTOSO_TENANT } from '../../support/domain-world';
import { BotUnderTest, ChatUser, cardText } from './support/bot-under-test';

/** Passes everything to the real storage and counts the reads. */
class CountingStorage implements Storage {
  reads = 0;
  constructor(private readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('bot state reads on the hot path', () => {
  let world: BotUnderTest;
  let counting: CountingStorage;
  beforeEach(async () => {
    world = await BotUnderTest.open('local', (real) => {
      counting = new CountingStorage(real);
      return counting;
    });
  });
  afterEach(() => world.close());

  test('when a welcomed person lists their groups, then the turn reads no bot state', async () => {
    const asha = await world.user('Asha');
    counting.reads = 0;
    const { cards } = await asha.say('groups');
    expect(cardText(cards[0])).toContain('You are not in any Convene group yet');
    expect(counting.reads).toBe(0);
  });

  test('when a person writes for the first time, then the state is read once and the welcome shown once', async () => {
    const ben = new ChatUser(world.bot, 'Ben', CONTOSO_TENANT);
    const first = await ben.say('groups');
    expect(counting.reads).toBe(1);
    expect(cardText(first.cards[0])).toContain('Welcome to Convene, Ben');
    const second = await ben.say('groups');
    expect(second.cards.map(cardText).join(' ')).not.toContain('Welcome to Convene');
    expect(counting.reads).toBe(1);
  });

  test('when a command needs the person’s preferences, then they are read from the store, not from memory', async () => {
    const asha = await world.user('Asha');
    await asha.say('region GB');
    counting.reads = 0;
    expect((await asha.say('region')).texts[0]).toContain('as GB numbers');
    expect(counting.reads).toBe(1);
  });
});
