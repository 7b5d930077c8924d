import { extractInviteToken } from '../../../src/domain/invites/invite-link';
import { requestToJoin } from '../../../src/domain/join-requests/request-to-join';
import { FABRIKAM_TENANT } from '../../support/domain-world';
import { BotUnderTest, type ChatUser, cardButtons, cardText, PUBLIC_URL } from './support/bot-under-test';

const linkPattern = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/join/[A-Za-z0-9_-]{22}`);

describe('join requests in the bot', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  let groupId: string;
  beforeEach(async () => {
    world = await BotUnderTest.open();
    asha = await world.user('Asha');
    const { cards } = await asha.say('create group Night shift');
    groupId = String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
  });
  afterEach(() => world.close());

  const linkOn = (card: unknown): string => cardText(card).match(linkPattern)![0];
  const ask = async (link: string, displayName: string, phone: string) =>
    requestToJoin(world.ctx, { token: extractInviteToken(link)!, displayName, phone, region: 'IN' });

  test('when someone asked to join, then requests lists them and Approve adds them by phone', async () => {
    const link = linkOn((await asha.say('invite Night shift')).cards[0]);
    const { requestId } = await ask(link, 'Ravi', '98765 43210');
    const { cards } = await asha.say('requests Night shift');
    expect(cardText(cards[0])).toContain('Requests to join Night shift');
    expect(cardText(cards[0])).toContain('Ravi (+919876543210)');
    const approve = cardButtons(cards[0]).get('Approve')!;
    expect(approve).toMatchObject({ verb: 'request.approve', data: { groupId, requestId } });
    const pressed = await asha.press(approve.verb, approve.data);
    const updated = cardText(pressed.invoke?.body.value);
    expect(updated).toContain('Approved Ravi.');
    expect(updated).toContain('No requests waiting');
    expect(cardText((await asha.say('members Night shift')).cards[0])).toContain('Ravi (+919876543210)');
  });

  test('when requests wait, then the group card offers Requests to join with their number', async () => {
    const link = linkOn((await asha.say('invite Night shift')).cards[0]);
    await ask(link, 'Ravi', '9876543210');
    await ask(link, 'Meena', '9876543211');
    const listed = cardButtons((await asha.say('groups')).cards[0]).get('Open')!;
    const { cards } = await asha.press(listed.verb, listed.data);
    const button = cardButtons(cards[0]).get('Requests to join (2)');
    expect(button).toMatchObject({ verb: 'group.requests', data: { groupId } });
    const opened = await asha.press(button!.verb, button!.data);
    expect(cardText(opened.cards[0])).toContain('2 requests waiting');
  });

  test('when Decline all is pressed, then every request is declined and nobody is added', async () => {
    const link = linkOn((await asha.say('invite Night shift')).cards[0]);
    await ask(link, 'Ravi', '9876543210');
    await ask(link, 'Meena', '9876543211');
    const { cards } = await asha.say('requests Night shift');
    const all = cardButtons(cards[0]).get('Decline all')!;
    const pressed = await asha.press(all.verb, all.data);
    expect(cardText(pressed.invoke?.body.value)).toContain('Declined Ravi. Declined Meena.');
    expect(cardText((await asha.say('members Night shift')).cards[0])).toContain('1 person, 1 admin');
  });

  test('when Link settings turn on approval, then a join by the link waits for an admin', async () => {
    const saved = await asha.press('link.save', {
      groupId,
      expiresInDays: '30',
      maxUses: '',
      approvalRequired: 'true',
    });
    const card = saved.invoke?.body.value;
    expect(cardText(card)).toContain('An admin approves each join');
    const ben = await world.user('Ben');
    expect((await ben.say(`join ${linkOn(card)}`)).texts[0]).toContain('your request is with them');
    expect(cardText((await ben.say('groups')).cards[0])).toContain('You are not in any Convene group yet');
    const { cards } = await asha.say('requests Night shift');
    expect(cardText(cards[0])).toContain('signed in');
    const approve = cardButtons(cards[0]).get('Approve')!;
    await asha.press(approve.verb, approve.data);
    expect(cardText((await ben.say('groups')).cards[0])).toContain('Night shift');
  });

  test('when an organisation group link is widened to anyone, then the card warns and outsiders are external', async () => {
    await asha.say('add Night shift to organisation');
    await asha.press('group.map.confirm', { groupId });
    const closed = await asha.press('link.save', { groupId, expiresInDays: '30', maxUses: '' });
    expect(cardText(closed.invoke?.body.value)).toContain('Only Contoso accounts');
    const opened = await asha.press('link.save', {
      groupId,
      expiresInDays: '30',
      maxUses: '',
      organisationAccountsOnly: 'false',
    });
    const card = opened.invoke?.body.value;
    expect(cardText(card)).toContain('including people outside Contoso');
    const olu = await world.user('Olu', FABRIKAM_TENANT);
    await olu.say(`join ${linkOn(card)}`);
    expect(cardText((await asha.say('members Night shift')).cards[0])).toContain(
      'Member · joined · external',
    );
  });

  test('when a member who may not add people asks for requests, then they are told they may not', async () => {
    const link = linkOn((await asha.say('invite Night shift')).cards[0]);
    const ben = await world.user('Ben');
    await ben.say(`join ${link}`);
    expect((await ben.say('requests Night shift')).texts[0]).toContain('not allowed');
  });
});
