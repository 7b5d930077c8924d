import { announcementReport } from '../../../src/domain/announcements/announcement-report';
import { composeAnnouncement } from '../../../src/domain/announcements/compose-announcement';
import { startNextDueAnnouncement } from '../../../src/domain/announcements/start-due-announcements';
import { CONTOSO_TENANT } from '../../support/domain-world';
import { BotUnderTest, type ChatUser, cardButtons, cardText } from './support/bot-under-test';

describe.each(['local', 'tenant'] as const)('an announcement in a member’s chat (%s mode)', (mode) => {
  let world: BotUnderTest;
  let asha: ChatUser;
  let ravi: ChatUser;
  beforeEach(async () => {
    world = await BotUnderTest.open(mode);
    asha = await world.user('Asha');
    ravi = await world.user('Ravi', CONTOSO_TENANT);
  });
  afterEach(() => world.close());

  const personOf = (user: ChatUser) =>
    world.ctx.uow.read((repos) => repos.people.findByAadObjectId(user.tenantId, user.aadObjectId));

  test('when Teams sends a read receipt and the reader presses Acknowledge twice, then the report counts each once and the card shows their own state', async () => {
    await asha.say('create group Night shift');
    await ravi.say('groups');
    const group = await world.storage.db.selectFrom('groups').select('id').executeTakeFirstOrThrow();
    const [ashaRow, raviRow] = [await personOf(asha), await personOf(ravi)];
    const at = world.clock.now().toISOString();
    await world.storage.db
      .insertInto('memberships')
      .values({
        group_id: group.id,
        person_id: raviRow!.id,
        role: 'member',
        source: 'manual',
        state: 'joined',
        invited_by: ashaRow!.id,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    const sender = { personId: ashaRow!.id, tenantId: CONTOSO_TENANT, displayName: 'Asha' };
    const { announcement } = await composeAnnouncement(
      world.ctx,
      {
        audience: { kind: 'group', groupId: group.id },
        title: 'Rota for December',
        body: 'The rota is **pinned** in the team.',
        acknowledge: true,
      },
      sender,
    );
    await startNextDueAnnouncement(world.ctx);
    // What the delivery worker records once the copy reached Ravi's chat: Teams' message id is a time in ms.
    const deliveryId = `${announcement.id}/${raviRow!.id}`;
    const conversationId = (ravi.adapter.conversation.conversation as { id: string }).id;
    await world.storage.db
      .updateTable('announcement_deliveries')
      .set({ state: 'sent', sent_at: at, conversation_id: conversationId, activity_id: '1764580000000' })
      .where('id', '=', deliveryId)
      .execute();

    // The event Teams sends a bot with ChatMessageReadReceipt.Read.Chat when its personal chat is read.
    const receipt = {
      type: 'event' as const,
      name: 'application/vnd.microsoft.readReceipt',
      value: { lastReadMessageId: '1764580000123' },
    };
    await ravi.send(receipt);
    await ravi.send(receipt);
    const afterReceipts = await announcementReport(world.ctx, announcement.id, {}, sender);
    expect(afterReceipts.totals).toMatchObject({ read: 1, acknowledged: 0 });

    const first = await ravi.press('announcement.acknowledge', { deliveryId });
    const card = first.invoke?.body.value;
    expect(cardText(card)).toContain('Rota for December');
    expect(cardText(card)).toContain('You acknowledged this');
    expect(cardButtons(card).get('I have read this')).toBeUndefined();
    await ravi.press('announcement.acknowledge', { deliveryId });
    // Someone else pressing Ravi's copy is refused and changes nothing.
    const refused = await asha.press('announcement.acknowledge', { deliveryId });
    expect(refused.invoke?.body.value).toMatchObject({ code: 'ANNOUNCEMENT_NOT_FOUND' });
    const refreshed = await ravi.press('announcement.refresh', { deliveryId });
    expect(cardText(refreshed.invoke?.body.value)).toContain('You acknowledged this');
    // Teams asks for the card as each reader opens it: a reader whose Teams is in Arabic gets it in Arabic.
    const arabic = await ravi.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      locale: 'ar-SA',
      value: { action: { type: 'Action.Execute', verb: 'announcement.refresh', data: { deliveryId } } },
    });
    expect(arabic.invoke?.body.value).toMatchObject({ rtl: true });
    expect(cardText(arabic.invoke?.body.value)).toContain('أكّدت قراءة هذا');
    expect(cardText(arabic.invoke?.body.value)).toContain('Rota for December');

    const report = await announcementReport(world.ctx, announcement.id, {}, sender);
    expect(report.totals).toEqual({ queued: 1, sent: 1, failed: 0, read: 1, acknowledged: 1 });
  });

  test('when a group admin types announce, then a compose card, a preview and Send lead to the announcement; a javascript: link is refused', async () => {
    await asha.say('create group Night shift');
    const compose = await asha.say('announce Night shift');
    expect(cardText(compose.cards[0])).toContain('Announcement to Night shift');
    expect(cardText(compose.cards[0])).toContain('Reaches 1 person');
    const preview = cardButtons(compose.cards[0]).get('Preview')!;
    const written = {
      ...preview.data,
      scope: 'group',
      title: 'Rota',
      body: 'Pinned in the team.',
      acknowledge: 'true',
    };

    const refused = await asha.press(preview.verb, { ...written, linkUrl: 'javascript:alert(1)' });
    expect(JSON.stringify(refused.invoke?.body)).toContain('https://');

    const shown = await asha.press(preview.verb, { ...written, linkUrl: '' });
    const card = shown.invoke?.body.value;
    expect(cardText(card)).toContain('Preview: this is what people will get');
    expect(cardText(card)).toContain('Pinned in the team.');
    const send = cardButtons(card).get('Send now')!;
    const sent = await asha.press(send.verb, send.data);
    expect(cardText(sent.invoke?.body.value)).toContain('On its way to 1 person');
    const rows = await world.storage.db.selectFrom('announcements').select(['title', 'state']).execute();
    expect(rows).toEqual([{ title: 'Rota', state: 'scheduled' }]);

    // Ravi is no admin of the group: the server refuses him whatever the card says.
    const ravis = await ravi.press(send.verb, send.data);
    expect(JSON.stringify(ravis.invoke?.body)).toMatch(/not allowed|NOT_ALLOWED/i);
  });
});
