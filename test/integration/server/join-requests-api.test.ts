import { type AppHarness, startHarness } from '../../support/app-harness';

describe('join requests over HTTP', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'GB' });
  });
  afterAll(() => h.close());

  const groupWithOpenLink = async (name: string, settings: Record<string, unknown> = {}) => {
    const group = (await h.request('POST', '/api/v1/groups', { name })).body.group;
    const link = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {
      organisationAccountsOnly: false,
      ...settings,
    });
    expect(link.status).toBe(201);
    return { group, url: link.body.url as string, link: link.body };
  };

  test('when someone asks through the link, then an admin approves them and they are an invited member', async () => {
    const { group, url } = await groupWithOpenLink('Warehouse');
    const asked = await h.request('POST', '/api/v1/invites/join-requests', {
      token: url,
      name: 'Ravi',
      phone: '07911 123456',
    });
    // The asker learns nothing that could tell them whether, or when, a number asked before.
    expect(asked).toEqual({ status: 202, body: { groupName: 'Warehouse', status: 'pending' } });
    const listed = await h.request('GET', `/api/v1/groups/${group.id}/join-requests`);
    expect(listed.body.requests).toEqual([
      expect.objectContaining({ displayName: 'Ravi', phone: '+447911123456' }),
    ]);
    const requestId = listed.body.requests[0].id;
    const approved = await h.request('POST', `/api/v1/groups/${group.id}/join-requests/${requestId}/approve`);
    expect(approved).toEqual({
      status: 200,
      body: { id: requestId, displayName: 'Ravi', outcome: 'approved' },
    });
    const members = (await h.request('GET', `/api/v1/groups/${group.id}/members`)).body.members;
    expect(members).toContainEqual(
      expect.objectContaining({ state: 'invited', source: 'request', external: false }),
    );
    const audit = await h.app.storage.db
      .selectFrom('audit_entries')
      .select('action')
      .where('group_id', '=', group.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['join-request.created', 'join-request.approved', 'member.added']),
    );
  });

  test('when the admin declines all, then every request is gone and nobody joined', async () => {
    const { group, url } = await groupWithOpenLink('Kitchen');
    for (const [name, phone] of [
      ['Ann', '07911 123457'],
      ['Bo', '07911 123458'],
    ]) {
      await h.request('POST', '/api/v1/invites/join-requests', { token: url, name, phone });
    }
    const declined = await h.request('POST', `/api/v1/groups/${group.id}/join-requests/decline`, {});
    expect(declined.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'declined',
      'declined',
    ]);
    expect((await h.request('GET', `/api/v1/groups/${group.id}/join-requests`)).body.requests).toEqual([]);
    expect((await h.request('GET', `/api/v1/groups/${group.id}/members`)).body.members).toHaveLength(1);
  });

  test('when the link is for organisation accounts only (the default), then a phone request still waits for an admin', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Office' })).body.group;
    const link = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {});
    expect(link.body.organisationAccountsOnly).toBe(true);
    const asked = await h.request('POST', '/api/v1/invites/join-requests', {
      token: link.body.url,
      name: 'Ravi',
      phone: '07911 123456',
    });
    expect(asked).toMatchObject({ status: 202, body: { status: 'pending', groupName: 'Office' } });
    const waiting = await h.request('GET', `/api/v1/groups/${group.id}/join-requests`);
    expect(waiting.body.requests.map((r: { displayName: string }) => r.displayName)).toEqual(['Ravi']);
    expect((await h.request('GET', `/api/v1/groups/${group.id}/members`)).body.members).toHaveLength(1);
  });

  test('when a link needs approval, then redeeming it answers requested and the person waits', async () => {
    const { group, url, link } = await groupWithOpenLink('Night shift', { approvalRequired: true });
    expect(link.approvalRequired).toBe(true);
    const redeemed = await fetch(`${h.app.url}/api/v1/invites/redeem`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-convene-local-user': 'dina',
        'x-convene-local-user-name': 'Dina',
      },
      body: JSON.stringify({ token: url }),
    });
    expect(await redeemed.json()).toMatchObject({ outcome: 'requested' });
    const listed = await h.request('GET', `/api/v1/groups/${group.id}/join-requests`);
    expect(listed.body.requests).toEqual([expect.objectContaining({ displayName: 'Dina', signedIn: true })]);
  });

  test('when the body lacks a phone, then 400 BODY_INVALID', async () => {
    const asked = await h.request('POST', '/api/v1/invites/join-requests', { token: 'x', name: 'Ravi' });
    expect(asked).toMatchObject({ status: 400, body: { error: { code: 'BODY_INVALID' } } });
  });

  // A server of its own: every request of this file comes from 127.0.0.1.
  test('when one address keeps asking, then 429 JOIN_REQUESTS_TOO_MANY', async () => {
    const own = await startHarness({ DEFAULT_REGION: 'GB' });
    try {
      const group = (await own.request('POST', '/api/v1/groups', { name: 'Yard' })).body.group;
      const url = (
        await own.request('POST', `/api/v1/groups/${group.id}/invite-links`, {
          organisationAccountsOnly: false,
        })
      ).body.url;
      const answers = [];
      for (let i = 0; i < 6; i++) {
        answers.push(
          await own.request('POST', '/api/v1/invites/join-requests', {
            token: url,
            name: `Person ${i}`,
            phone: `07911 12350${i}`,
          }),
        );
      }
      expect(answers.slice(0, 5).every((a) => a.status === 202)).toBe(true);
      expect(answers[5]).toMatchObject({ status: 429, body: { error: { code: 'JOIN_REQUESTS_TOO_MANY' } } });
    } finally {
      await own.close();
    }
  });
});
