import { CONTOSO_TENANT } from '../../support/domain-world';
import { BotUnderTest, type ChatUser, cardText } from './support/bot-under-test';

const FABRIKAM_TENANT = '33333333-3333-3333-3333-333333333333';

describe('tenant mode: only Microsoft Teams, for an allowed tenant, says who is writing', () => {
  let world: BotUnderTest;
  beforeEach(async () => {
    world = await BotUnderTest.open('tenant');
  });
  afterEach(() => world.close());

  const personOf = (user: ChatUser) =>
    world.ctx.uow.read((repos) => repos.people.findByAadObjectId(user.tenantId, user.aadObjectId));

  async function onChannel(channelId: string): Promise<ChatUser> {
    const user = await world.user('Mallory');
    Object.assign(user.adapter.conversation, { channelId });
    return user;
  }

  test('when a Teams user of the allowed tenant writes, then they are served as themselves', async () => {
    const asha = await world.user('Asha');
    const { cards } = await asha.say('create group Night shift');
    expect(cardText(cards[0])).toContain('Night shift');
    expect(await personOf(asha)).toMatchObject({ tenantId: CONTOSO_TENANT, aadObjectId: asha.aadObjectId });
  });

  test.each(['webchat', 'directline', 'emulator'])(
    'when a %s activity names a Microsoft 365 user, then the bot politely refuses and knows no one',
    async (channel) => {
      const mallory = await onChannel(channel);
      const answer = await mallory.say('create group Night shift');
      expect(answer.texts).toEqual([
        'Convene works with Microsoft 365 accounts. Open me in Microsoft Teams to continue.',
      ]);
      expect(answer.cards).toEqual([]);
      expect(await personOf(mallory)).toBeUndefined();
    },
  );

  test('when a Teams user of another tenant writes, then the bot says it serves another organisation', async () => {
    const stranger = await world.user('Farah', FABRIKAM_TENANT);
    const answer = await stranger.say('create group Night shift');
    expect(answer.texts).toEqual([
      'Sorry, this Convene serves another organisation’s Microsoft 365. Ask your IT team whether Convene is set up for yours.',
    ]);
    expect(await personOf(stranger)).toBeUndefined();
  });

  test('when another channel presses a button, then the button answers with an error and nothing changes', async () => {
    const mallory = await onChannel('webchat');
    const pressed = await mallory.press('group.invite', { groupId: 'any' });
    expect(pressed.invoke?.body).toMatchObject({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: { code: 'TEAMS_ACCOUNT_REQUIRED' },
    });
    expect(await personOf(mallory)).toBeUndefined();
  });

  test('when Teams names one tenant in the conversation and another in channel data, then nobody is trusted', async () => {
    const mixed = await world.user('Mixed');
    const answer = await mixed.send({
      type: 'message',
      text: 'create group Night shift',
      channelData: { tenant: { id: FABRIKAM_TENANT } },
    });
    expect(answer.texts[0]).toContain('serves another organisation');
    expect(await personOf(mixed)).toBeUndefined();
  });
});
