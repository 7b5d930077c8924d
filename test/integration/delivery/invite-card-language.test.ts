import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { drained, phoneNumber, seedInvites, workerFor } from '../../support/delivery-world';
import { DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';
import { cardText } from '../bot/support/bot-under-test';

describeEachDialect('invite cards in the invitee’s language', (dialect) => {
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

  /** Sends one invite each to three people, the first two known to read Hindi and Arabic. */
  async function deliver(): Promise<Map<string, Record<string, unknown>>> {
    const { entries, conversationOf } = await seedInvites(under.storage, world, {
      people: 3,
      groups: 1,
      connectorUrl: connector.url,
    });
    const locales: Array<[number, string]> = [
      [0, 'hi'],
      [1, 'ar'],
    ];
    for (const [i, locale] of locales) {
      await under.storage.db
        .updateTable('people')
        .set({ locale })
        .where('phone', '=', phoneNumber(i))
        .execute();
    }
    const worker = workerFor(under.storage, world, entries);
    worker.start();
    await drained(under.storage);
    await worker.stop();
    const byPhone = new Map<string, Record<string, unknown>>();
    for (const [phone, conversationId] of conversationOf) {
      const accepted = connector.accepted.find((a) => a.conversationId === conversationId);
      if (accepted) byPhone.set(phone, accepted.body);
    }
    return byPhone;
  }

  const cardOf = (activity: Record<string, unknown> | undefined) =>
    ((activity?.attachments ?? []) as Array<{ content: Record<string, unknown> }>)[0]?.content;

  test('when an invite goes to people whose Teams spoke Hindi, Arabic or nothing yet, then each card is in that language (Arabic right to left, English by default)', async () => {
    const sent = await deliver();
    const hindi = sent.get(phoneNumber(0));
    expect(hindi?.summary).toBe('आपको Shift 0 में बुलाया गया है');
    expect(cardText(cardOf(hindi))).toContain('ने आपको Shift 0 से जुड़ने के लिए बुलाया है');
    expect(cardText(cardOf(hindi))).toContain('जुड़ें');
    expect(cardOf(hindi)).not.toHaveProperty('rtl');

    const arabic = sent.get(phoneNumber(1));
    expect(cardOf(arabic)).toMatchObject({ rtl: true });
    expect(cardText(cardOf(arabic))).toContain('للانضمام إلى Shift 0');

    const english = sent.get(phoneNumber(2));
    expect(english?.summary).toBe("You're invited to Shift 0");
    expect(cardText(cardOf(english))).toContain('invited you to join Shift 0');
  });
});
