import { CONTOSO_TENANT } from '../../support/domain-world';
import { BotUnderTest, type ChatUser, cardButtons, cardText } from './support/bot-under-test';

describe.each(['local', 'tenant'] as const)('Join on an invite card (%s mode)', (mode) => {
  let world: BotUnderTest;
  let asha: ChatUser;
  beforeEach(async () => {
    world = await BotUnderTest.open(mode);
    asha = await world.user('Asha');
  });
  afterEach(() => world.close());

  /** What the delivery worker records once the card reached Ravi's chat (it resolved his number to him). */
  const delivered = async (ravi: ChatUser): Promise<string> => {
    const invite = await world.storage.db.selectFrom('card_invites').select('id').executeTakeFirstOrThrow();
    await world.storage.db
      .updateTable('card_invites')
      .set({ state: 'sent', target_tenant_id: ravi.tenantId, target_aad_object_id: ravi.aadObjectId })
      .where('id', '=', invite.id)
      .execute();
    return invite.id;
  };

  test('when someone who used the bot before is added by phone and presses Join, then their own groups list the group', async () => {
    const ravi = await world.user('Ravi', CONTOSO_TENANT);
    expect(cardText((await ravi.say('groups')).cards[0])).toContain('You are not in any Convene group yet');
    const { cards } = await asha.say('create group Night shift');
    expect(cardButtons(cards[0]).get('Invite people')).toBeDefined();
    await asha.say('add 98000 00042 to Night shift');
    const inviteId = await delivered(ravi);

    const joined = await ravi.press('invite.join', { inviteId });
    expect(JSON.stringify(joined.invoke?.body.value)).toContain('You joined Night shift');

    expect(cardText((await ravi.say('groups')).cards[0])).toContain('Night shift');
    const members = cardText((await asha.say('members Night shift')).cards[0]);
    expect(members).toContain('2 people, 1 admin');
    expect(members).toContain('Ravi (+919800000042) | Member · joined');
  });

  test('when someone new to the bot presses Join, then the phone record becomes their account', async () => {
    await asha.say('create group Night shift');
    await asha.say('add 9800000042 to Night shift');
    const ravi = await world.user('Ravi', CONTOSO_TENANT);
    const inviteId = await delivered(ravi);
    await ravi.press('invite.join', { inviteId });
    expect(cardText((await ravi.say('groups')).cards[0])).toContain('Night shift');
    expect(cardText((await asha.say('members Night shift')).cards[0])).toContain('2 people, 1 admin');
  });
});
