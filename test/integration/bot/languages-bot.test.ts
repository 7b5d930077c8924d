import { CONTOSO_TENANT } from '../../support/domain-world';
import { BotUnderTest, ChatUser, cardButtons, cardText } from './support/bot-under-test';

/** The language Convene stored for a chat user (what invite cards sent to them later are written in). */
async function storedLocale(world: BotUnderTest, user: ChatUser): Promise<string | null> {
  const row = await world.storage.db
    .selectFrom('people')
    .select('locale')
    .where('aad_object_id', '=', user.aadObjectId)
    .executeTakeFirst();
  return row?.locale ?? null;
}

describe('the bot in the language of the Teams client', () => {
  let world: BotUnderTest;
  beforeEach(async () => {
    world = await BotUnderTest.open();
  });
  afterEach(() => world.close());

  describe('a Hindi user (hi-IN)', () => {
    test('when they write for the first time, then the welcome is in Hindi, left to right, with the commands to type in English', async () => {
      const priya = new ChatUser(world.bot, 'Priya', CONTOSO_TENANT, undefined, 'hi-IN');
      const { cards } = await priya.say('help');
      const text = cardText(cards[0]);
      expect(text).toContain('Convene में आपका स्वागत है, Priya');
      expect(text).toContain('ग्रुप शुरू करें; आप उसके एडमिन होंगे।');
      expect(text).toContain('कमांड अंग्रेज़ी में ही लिखें');
      expect(text).toContain('create group ‹name›');
      expect([...cardButtons(cards[0]).keys()]).toEqual(['बनाएँ', 'मेरे ग्रुप']);
      expect(cards[0]).not.toHaveProperty('rtl');
    });

    test('when they create a group and list their groups, then both cards speak Hindi, counts included', async () => {
      const priya = await world.user('Priya', CONTOSO_TENANT, 'hi-IN');
      const created = await priya.say('create group Night shift');
      expect(cardText(created.cards[0])).toContain('ग्रुप बन गया');
      expect(cardText(created.cards[0])).toContain('आपकी भूमिका | एडमिन');
      expect([...cardButtons(created.cards[0]).keys()]).toContain('लोगों को बुलाएँ');
      const { cards } = await priya.say('groups');
      expect(cardText(cards[0])).toContain('आपके ग्रुप (1)');
      expect(cardText(cards[0])).toContain('एडमिन · 1 सदस्य · निजी');
    });

    test('when they mistype a command or ask for a group they lack, then the answer is in Hindi and the command word stays English', async () => {
      const priya = await world.user('Priya', CONTOSO_TENANT, 'hi-IN');
      expect((await priya.say('grups')).texts[0]).toBe(
        'मैं समझ नहीं पाया। क्या आपका मतलब **groups** था? मैं क्या-क्या कर सकता हूँ, यह देखने के लिए अंग्रेज़ी में **help** लिखें।',
      );
      expect((await priya.say('invite Nowhere')).texts[0]).toContain(
        'अपने ग्रुप देखने के लिए अंग्रेज़ी में **groups** लिखें।',
      );
    });
  });

  describe('an Arabic user (ar-SA)', () => {
    test('when they ask for help, then the welcome is in Arabic and runs right to left', async () => {
      const omar = await world.user('Omar', CONTOSO_TENANT, 'ar-SA');
      const { cards } = await omar.say('help');
      expect(cards[0]).toMatchObject({ type: 'AdaptiveCard', rtl: true });
      const text = cardText(cards[0]);
      expect(text).toContain('مرحبًا بك في Convene، Omar');
      expect(text).toContain('اكتب الأوامر بالإنجليزية');
      expect(text).toContain('create group ‹name›');
      expect([...cardButtons(cards[0]).keys()]).toEqual(['إنشاء', 'مجموعاتي']);
    });

    test('when they create a group, open its invite link and list members, then every card is Arabic and right to left', async () => {
      const omar = await world.user('Omar', CONTOSO_TENANT, 'ar-SA');
      const created = await omar.say('create group Warehouse');
      expect(created.cards[0]).toMatchObject({ rtl: true });
      expect(cardText(created.cards[0])).toContain('أُنشئت المجموعة');
      const invite = await omar.say('invite Warehouse');
      expect(invite.cards[0]).toMatchObject({ rtl: true });
      expect(cardText(invite.cards[0])).toContain('رابط الدعوة إلى Warehouse');
      expect(cardText(invite.cards[0])).toContain('أي شخص لديه الرابط');
      const members = await omar.say('members Warehouse');
      expect(members.cards[0]).toMatchObject({ rtl: true });
      expect(cardText(members.cards[0])).toContain('أعضاء Warehouse');
      expect(cardText(members.cards[0])).toContain('شخص واحد، مشرف واحد');
      const groups = await omar.say('groups');
      expect(cardText(groups.cards[0])).toContain('مجموعاتك');
    });

    test('when a pressed button is answered with a note, then the note is Arabic', async () => {
      const omar = await world.user('Omar', CONTOSO_TENANT, 'ar-SA');
      const created = await omar.say('create group Warehouse');
      const groupId = String(cardButtons(created.cards[0]).get('دعوة أشخاص')!.data.groupId);
      const pressed = await omar.press('group.invite', { groupId });
      expect(pressed.invoke?.body.value).toBe('إليك رابط الدعوة.');
      expect(pressed.cards[0]).toMatchObject({ rtl: true });
    });
  });

  test('when someone without a language Teams knows writes, then Convene answers in English', async () => {
    const ben = await world.user('Ben', CONTOSO_TENANT, 'fr-FR');
    const { cards } = await ben.say('help');
    expect(cardText(cards[0])).toContain('Welcome to Convene, Ben');
    expect(cards[0]).not.toHaveProperty('rtl');
  });

  test('when a person writes in Hindi and later in Arabic, then Convene remembers their latest language for cards it sends them unasked', async () => {
    const priya = await world.user('Priya', CONTOSO_TENANT, 'hi-IN');
    await priya.say('groups');
    expect(await storedLocale(world, priya)).toBe('hi');
    await priya.send({ type: 'message', text: 'groups', locale: 'ar-SA' });
    expect(await storedLocale(world, priya)).toBe('ar');
  });
});
