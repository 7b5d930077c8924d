import { CONSUMER_TENANT_ID } from '../../../bot/sign-in/token-claims';
import { CONTOSO_TENANT } from '../../support/domain-world';
import {
  BotUnderTest,
  type ChatUser,
  cardButtons,
  cardText,
  OAUTH_CONNECTION,
} from './support/bot-under-test';

/** A token shaped as the Bot Framework token service hands it over (its signature is the service's business). */
function token(claims: Record<string, string>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

describe('tenant mode: adding a group to the organisation needs a Microsoft 365 sign-in', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  let groupId: string;
  beforeEach(async () => {
    world = await BotUnderTest.open('tenant');
    asha = await world.user('Asha');
    const { cards } = await asha.say('create group Night shift');
    groupId = String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
  });
  afterEach(() => world.close());

  const organisationOf = () =>
    world.ctx.uow.run(async (repos) => (await repos.groups.findById(groupId))!.organisationId);

  function signInWith(user: ChatUser, claims: Record<string, string>, magicCode = '123456'): void {
    user.adapter.addUserToken(OAUTH_CONNECTION, 'msteams', user.userId, token(claims), magicCode);
  }

  test('when a signed-out admin asks, then a sign-in card comes first and nothing is mapped until they sign in', async () => {
    expect(cardText((await asha.say('add Night shift to organisation')).cards[0])).toContain(
      'Add Night shift to',
    );
    expect(await organisationOf()).toBeNull();
    const asked = await asha.press('group.map.confirm', { groupId });
    const signIn = asked.posted.flatMap((a) => a.attachments ?? []);
    expect(signIn.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.oauth']);
    expect(JSON.stringify(signIn[0]!.content)).toContain(OAUTH_CONNECTION);
    expect(await organisationOf()).toBeNull();

    signInWith(asha, { tid: CONTOSO_TENANT, oid: asha.aadObjectId, upn: 'asha@contoso.com' });
    const done = await asha.say('123456');
    expect(cardText(done.cards[0])).toContain('Night shift now belongs to contoso.com');
    expect(await organisationOf()).not.toBeNull();
  });

  test('when the admin signed in before, then the group is mapped at once from the card button', async () => {
    asha.adapter.addUserToken(
      OAUTH_CONNECTION,
      'msteams',
      asha.userId,
      token({ tid: CONTOSO_TENANT, oid: asha.aadObjectId, upn: 'asha@contoso.com' }),
    );
    const pressed = await asha.press('group.map.confirm', { groupId });
    expect(pressed.invoke?.body.value).toBe('Night shift was added to your organisation.');
    expect(cardText(pressed.cards[0])).toContain('Added to contoso.com');
  });

  test.each([
    [
      'another person’s account',
      (a: ChatUser) => ({ tid: CONTOSO_TENANT, oid: `${a.aadObjectId}-other` }),
      'different account',
    ],
    [
      'a personal Microsoft account',
      (a: ChatUser) => ({ tid: CONSUMER_TENANT_ID, oid: a.aadObjectId }),
      'Sign in with your Microsoft 365 work account',
    ],
  ])('when the admin signs in with %s, then the group is not mapped', async (_case, claims, words) => {
    await asha.press('group.map.confirm', { groupId });
    signInWith(asha, claims(asha));
    const done = await asha.say('123456');
    expect(done.texts.join(' ')).toContain(words);
    expect(await organisationOf()).toBeNull();
  });

  test('when someone who is not the admin asks, then they are refused before any sign-in', async () => {
    const ben = await world.user('Ben');
    const { cards } = await asha.say('invite Night shift');
    const link = cardText(cards[0]).match(/https:\/\/convene\.test\/join\/\S{22}/)![0];
    await ben.say(`join ${link}`);
    const asked = await ben.say('map Night shift');
    expect(asked.texts).toEqual(['You are not allowed to map to organisation in "Night shift".']);
    expect(asked.posted.flatMap((a) => a.attachments ?? [])).toHaveLength(0);
  });
});
