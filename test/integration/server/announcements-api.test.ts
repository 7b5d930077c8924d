import { type AppHarness, startHarness } from '../../support/app-harness';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

describe('the announcements API over HTTP', () => {
  let h: AppHarness;
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${h.app.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text,
      body: text.startsWith('{') ? JSON.parse(text) : undefined,
    };
  };
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
  });
  afterAll(() => h.close());

  test('when IT posts an announcement, then it is scheduled, reported and exported; bad input and strangers are refused with codes', async () => {
    const me = (await call('GET', '/api/v1/me')).body;
    const group = (
      await call('POST', '/api/v1/groups', { name: 'Drivers', organisationId: me.organisation.id })
    ).body.group;
    await call('POST', `/api/v1/groups/${group.id}/members`, {
      phones: ['9988554401', '9988554402'],
      region: 'IN',
    });
    const audience = { kind: 'group', groupId: group.id };

    expect((await call('POST', '/api/v1/announcements/audience', { audience })).body).toEqual({ people: 3 });
    const bad = await call('POST', '/api/v1/announcements', {
      audience,
      title: 'Hi',
      body: 'x',
      linkUrl: 'javascript:alert(1)',
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ANNOUNCEMENT_LINK_NOT_HTTPS']);
    const empty = await call('POST', '/api/v1/announcements', { audience, title: 'Hi', body: '   ' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'ANNOUNCEMENT_TEXT_EMPTY']);
    const unknownField = await call('POST', '/api/v1/announcements', {
      audience,
      title: 'Hi',
      body: 'x',
      script: 'x',
    });
    expect(unknownField.status).toBe(400);
    const stranger = await call(
      'POST',
      '/api/v1/announcements',
      { audience, title: 'Hi', body: 'x' },
      as('dina', 'Dina'),
    );
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'NOT_ALLOWED']);
    const everyone = await call(
      'POST',
      '/api/v1/announcements',
      { audience: { kind: 'organisation', organisationId: me.organisation.id }, title: 'Hi', body: 'x' },
      as('dina', 'Dina'),
    );
    expect([everyone.status, everyone.body.error.code]).toEqual([403, 'ORGANISATION_ANNOUNCEMENT_FORBIDDEN']);

    const later = new Date(Date.now() + 3_600_000).toISOString();
    const made = await call('POST', '/api/v1/announcements', {
      audience,
      title: 'Depot closed',
      body: 'Closed on **Friday**.',
      sendAt: later,
      timeZone: 'Asia/Kolkata',
      acknowledge: true,
    });
    expect(made.status).toBe(201);
    const id = made.body.announcement.id;
    const edited = await call('PUT', `/api/v1/announcements/${id}`, {
      title: 'Depot closed Friday',
      body: 'Closed all day.',
      sendAt: later,
      timeZone: 'Asia/Kolkata',
      acknowledge: true,
    });
    expect(edited.body.title).toBe('Depot closed Friday');
    expect((await call('GET', `/api/v1/announcements/${id}`, undefined, as('dina', 'Dina'))).status).toBe(
      404,
    );
    expect((await call('POST', `/api/v1/announcements/${id}/send-now`)).status).toBe(202);

    // The scheduler starts it within a second or so; the worker then settles each copy.
    let report = (await call('GET', `/api/v1/announcements/${id}`)).body;
    for (let i = 0; i < 100 && (report.announcement.state !== 'sending' || report.totals.queued > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = (await call('GET', `/api/v1/announcements/${id}`)).body;
    }
    expect(report.announcement.state).toBe('sending');
    expect(report.totals).toMatchObject({ queued: 0, failed: 3 });
    expect(report.people.every((p: { failureReason: string }) => p.failureReason.length > 0)).toBe(true);
    const cancel = await call('POST', `/api/v1/announcements/${id}/cancel`);
    expect([cancel.status, cancel.body.error.code]).toEqual([409, 'ANNOUNCEMENT_ALREADY_STARTED']);

    const csv = await call('GET', `/api/v1/announcements/${id}/report.csv`);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      // fetch's text() drops the BOM the file starts with.
      'Name,Phone,Group,State,Reason,Sent at,Read at,Acknowledged at',
    );
    expect(csv.text).toContain('+919988554401');

    expect((await call('POST', `/api/v1/announcements/${id}/remind`)).body).toEqual({ queued: 0 });
    const again = await call('POST', `/api/v1/announcements/${id}/remind`);
    expect([again.status, again.body.error.code]).toEqual([409, 'ANNOUNCEMENT_ALREADY_REMINDED']);
  });

  test('when IT asks for the post in the teams’ General channels, then the announcement keeps the option and its report lists the channel posts (none for a group without a team)', async () => {
    const me = (await call('GET', '/api/v1/me')).body;
    const group = (
      await call('POST', '/api/v1/groups', { name: 'Loaders', organisationId: me.organisation.id })
    ).body.group;
    const created = await call('POST', '/api/v1/announcements', {
      audience: { kind: 'group', groupId: group.id },
      title: 'Canteen closed',
      body: 'Closed on Friday.',
      postInChannel: true,
      sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'Asia/Kolkata',
    });
    expect(created.status).toBe(201);
    const report = (await call('GET', `/api/v1/announcements/${created.body.announcement.id}`)).body;
    expect(report.announcement.postInChannel).toBe(true);
    expect(report.channelPosts).toEqual([]);
    const notBoolean = await call('POST', '/api/v1/announcements', {
      audience: { kind: 'group', groupId: group.id },
      title: 'Hi',
      body: 'Hi.',
      postInChannel: 'yes',
    });
    expect(notBoolean.status).toBe(400);
  });

  test('when the portal previews a card with ?lang=hi, then the card’s own words are Hindi and what was written stays as written; without it, English', async () => {
    const written = { title: 'Canteen closed', body: 'Closed on **Friday**.', acknowledge: true };
    const hindi = await call('POST', '/api/v1/announcements/preview?groupName=Loaders&lang=hi', written);
    expect(hindi.status).toBe(200);
    expect(hindi.text).toContain('आप की ओर से · Loaders');
    expect(hindi.text).toContain('मैंने यह पढ़ लिया है');
    expect(hindi.text).toContain('Canteen closed');
    const english = await call('POST', '/api/v1/announcements/preview?groupName=Loaders', written);
    expect(english.text).toContain('From You · Loaders');
    expect(english.text).toContain('I have read this');
  });
});
