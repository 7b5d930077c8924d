import type { Activity } from 'botbuilder';
import { startNextDueAnnouncement } from '../../../src/domain/announcements/start-due-announcements';
import { BotUnderTest, type ChatUser, cardButtons, cardText } from './support/bot-under-test';

/** What Teams adds to each activity from the sender's device: their time zone, twice, and their locale. */
const fromDevice = (timeZone: string, locale = 'en-GB'): Partial<Activity> => ({
  locale,
  localTimezone: timeZone,
  entities: [{ type: 'clientInfo', locale, timezone: timeZone }],
});

describe('scheduling an announcement from the bot', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  beforeEach(async () => {
    // The clock starts at 2026-01-05T09:00Z: 14:30 in Kolkata.
    world = await BotUnderTest.open('local');
    asha = await world.user('Asha');
    await asha.say('create group Night shift');
  });
  afterEach(() => world.close());

  const press = (user: ChatUser, verb: string, data: Record<string, unknown>, device: Partial<Activity>) =>
    user.send({
      ...device,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });

  const composeAndPreview = async (device: Partial<Activity>, when: Record<string, string>) => {
    const compose = await asha.send({ ...device, type: 'message', text: 'announce Night shift' });
    const card = compose.cards[0];
    const preview = cardButtons(card).get('Preview')!;
    const written = {
      ...preview.data,
      scope: 'group',
      title: 'Stocktake',
      body: 'Counting starts at 10.',
      ...when,
    };
    return { card, shown: await press(asha, preview.verb, written, device) };
  };

  test('when a group admin picks a date and time on the compose card, then it is scheduled at that time in their zone, said so, and can be cancelled from the confirmation', async () => {
    const kolkata = fromDevice('Asia/Kolkata');
    const { card, shown } = await composeAndPreview(kolkata, { sendDate: '2026-01-06', sendTime: '10:00' });
    expect(cardText(card)).toContain('Asia/Kolkata');
    const inputs = JSON.stringify(card);
    expect(inputs).toContain('"Input.Date"');
    expect(inputs).toContain('"Input.Time"');

    const preview = shown.invoke?.body.value;
    expect(cardText(preview)).toMatch(
      /Goes out Tuesday, January 6, 2026 at 10:00 AM \(\u2066Asia\/Kolkata\u2069\)/,
    );
    const schedule = cardButtons(preview).get('Schedule')!;
    const confirmed = await press(asha, schedule.verb, schedule.data, kolkata);
    const confirmation = confirmed.invoke?.body.value;
    expect(cardText(confirmation)).toContain('Scheduled: “Stocktake”');
    expect(cardText(confirmation)).toContain('10:00');

    const rows = await world.storage.db
      .selectFrom('announcements')
      .select(['state', 'send_at', 'time_zone'])
      .execute();
    // 10:00 in Kolkata (UTC+05:30) is 04:30 UTC.
    expect(rows).toEqual([
      { state: 'scheduled', send_at: '2026-01-06T04:30:00.000Z', time_zone: 'Asia/Kolkata' },
    ]);
    expect(await startNextDueAnnouncement(world.ctx)).toBeFalsy();

    const cancel = cardButtons(confirmation).get('Cancel this announcement')!;
    const cancelled = await press(asha, cancel.verb, cancel.data, kolkata);
    expect(cardText(cancelled.invoke?.body.value)).toContain('Cancelled: “Stocktake”');
    expect(cardButtons(cancelled.invoke?.body.value).size).toBe(0);
    const after = await world.storage.db.selectFrom('announcements').select('state').execute();
    expect(after).toEqual([{ state: 'cancelled' }]);
  });

  test('when the scheduled time has come and gone before Cancel is pressed, then the bot says it already went out', async () => {
    const device = fromDevice('Europe/London');
    const { shown } = await composeAndPreview(device, { sendDate: '2026-01-05', sendTime: '10:00' });
    const schedule = cardButtons(shown.invoke?.body.value).get('Schedule')!;
    const confirmed = await press(asha, schedule.verb, schedule.data, device);
    world.clock.advanceDays(2 / 24);
    await startNextDueAnnouncement(world.ctx);
    const cancel = cardButtons(confirmed.invoke?.body.value).get('Cancel this announcement')!;
    const refused = await press(asha, cancel.verb, cancel.data, device);
    expect(JSON.stringify(refused.invoke?.body)).toMatch(
      /ANNOUNCEMENT_ALREADY_STARTED|already started going out/,
    );
  });

  test('when the chosen time has passed, then the preview refuses it with words', async () => {
    const { shown } = await composeAndPreview(fromDevice('Asia/Kolkata'), {
      sendDate: '2026-01-05',
      sendTime: '09:00',
    });
    expect(JSON.stringify(shown.invoke?.body)).toMatch(/already passed/);
  });

  test('when the sender turns on the General channel post on the compose card, then the preview says so and the announcement keeps it (off by default)', async () => {
    const kolkata = fromDevice('Asia/Kolkata');
    const { card, shown } = await composeAndPreview(kolkata, { postInChannel: 'true' });
    expect(cardText(card)).toContain("Also post it in the General channel of each group's team");
    expect(JSON.stringify(card)).toMatch(/"id":"postInChannel","title":"[^"]*","value":"false"/);
    const preview = shown.invoke?.body.value;
    expect(cardText(preview)).toContain("Also posted in the General channel of each group's team.");
    const send = cardButtons(preview).get('Send now')!;
    await press(asha, send.verb, send.data, kolkata);
    const rows = await world.storage.db.selectFrom('announcements').select('post_in_channel').execute();
    expect(rows.map((r) => Number(r.post_in_channel))).toEqual([1]);
  });

  test('when no date or time is chosen, then the preview says it goes out now and Send now sends it', async () => {
    const { shown } = await composeAndPreview(fromDevice('Asia/Kolkata'), {});
    expect(cardText(shown.invoke?.body.value)).toContain('Goes out as soon as you press Send now.');
    expect(cardButtons(shown.invoke?.body.value).get('Send now')).toBeDefined();
  });

  test('when the sender writes in Hindi or Arabic, then the announce cards speak their language, Arabic right to left', async () => {
    const hindi = await asha.send({
      ...fromDevice('Asia/Kolkata', 'hi-IN'),
      type: 'message',
      text: 'announce Night shift',
    });
    expect(cardText(hindi.cards[0])).toContain('Night shift के लिए घोषणा');
    expect(hindi.cards[0].rtl).toBe(false);
    const arabic = await asha.send({
      ...fromDevice('Asia/Riyadh', 'ar-SA'),
      type: 'message',
      text: 'announce Night shift',
    });
    expect(cardText(arabic.cards[0])).toContain('إعلان إلى Night shift');
    expect(arabic.cards[0].rtl).toBe(true);
  });
});
