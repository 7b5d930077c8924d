import { type AppHarness, startHarness } from '../../support/app-harness';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

describe('the portal API', () => {
  let h: AppHarness;
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${h.app.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
  });
  afterAll(() => h.close());

  test('when an org admin assigns a champ, then the champ sees only that group and is refused elsewhere', async () => {
    const sales = (await call('POST', '/api/v1/groups', { name: 'Sales' })).body.group;
    const hr = (await call('POST', '/api/v1/groups', { name: 'HR' })).body.group;
    await call('POST', `/api/v1/groups/${sales.id}/members`, { phones: '9988554401, 9988554402' });

    const chandra = as('champ-chandra', 'Chandra');
    const me = await call('GET', '/api/v1/me', undefined, chandra);
    expect(me.body).toMatchObject({ displayName: 'Chandra', isOrgAdmin: false });
    expect((await call('GET', '/api/v1/portal/groups', undefined, chandra)).body).toEqual({
      scope: 'none',
      groups: [],
    });

    const assigned = await call('POST', `/api/v1/groups/${sales.id}/champs`, { personId: me.body.personId });
    expect(assigned.status).toBe(201);
    expect(
      (await call('POST', `/api/v1/groups/${sales.id}/champs`, { personId: me.body.personId })).status,
    ).toBe(200);

    const portal = await call('GET', '/api/v1/portal/groups', undefined, chandra);
    expect(portal.body.scope).toBe('champ');
    expect(portal.body.groups).toEqual([
      expect.objectContaining({
        id: sales.id,
        memberCount: 3,
        adoption: { invited: 2, joined: 1, declined: 0 },
      }),
    ]);

    const ownGroup = await call('GET', `/api/v1/groups/${sales.id}`, undefined, chandra);
    expect(ownGroup.status).toBe(200);
    expect(ownGroup.body.allowed).toMatchObject({ 'manage-members': true, 'assign-champs': false });
    expect(ownGroup.body.champs.map((c: { displayName: string }) => c.displayName)).toEqual(['Chandra']);
    const added = await call('POST', `/api/v1/groups/${sales.id}/members`, { phones: '9988554403' }, chandra);
    expect(added.body.results[0].outcome).toBe('added');

    for (const [method, url, body] of [
      ['GET', `/api/v1/groups/${hr.id}`, undefined],
      ['GET', `/api/v1/groups/${hr.id}/members`, undefined],
      ['POST', `/api/v1/groups/${hr.id}/members`, { phones: '9988554404' }],
      ['POST', `/api/v1/groups/${sales.id}/champs`, { phone: '9988554405' }],
    ] as const) {
      const refused = await call(method, url, body, chandra);
      expect({ url, status: refused.status, code: refused.body.error.code }).toEqual({
        url,
        status: 403,
        code: 'NOT_ALLOWED',
      });
    }
  });

  test('when an org admin sees the portal, then every organisation group comes with its adoption counts', async () => {
    const portal = await call('GET', '/api/v1/portal/groups');
    expect(portal.body.scope).toBe('organisation');
    const names = portal.body.groups.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(['HR', 'Sales']));
  });

  test('when a champ is named by an invalid phone number, then PHONE_INVALID names the region', async () => {
    const group = (await call('POST', '/api/v1/groups', { name: 'Logistics' })).body.group;
    const refused = await call('POST', `/api/v1/groups/${group.id}/champs`, { phone: '12' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'PHONE_INVALID',
      message: expect.stringContaining('region IN'),
    });
  });

  test('when a champ is unassigned, then they lose the group', async () => {
    const group = (await call('POST', '/api/v1/groups', { name: 'Drivers' })).body.group;
    const dev = as('champ-dev', 'Dev');
    const me = await call('GET', '/api/v1/me', undefined, dev);
    await call('POST', `/api/v1/groups/${group.id}/champs`, { personId: me.body.personId });
    expect((await call('GET', `/api/v1/groups/${group.id}`, undefined, dev)).status).toBe(200);
    expect((await call('DELETE', `/api/v1/groups/${group.id}/champs/${me.body.personId}`)).body).toEqual({
      changed: true,
    });
    expect((await call('GET', `/api/v1/groups/${group.id}`, undefined, dev)).status).toBe(403);
  });
  test('when someone with no relation to a group asks anything of it, then 403 NOT_ALLOWED says nothing about the group', async () => {
    const group = (await call('POST', '/api/v1/groups', { name: 'Payroll review', personal: true })).body
      .group;
    await call('POST', `/api/v1/groups/${group.id}/members`, { phones: '9988554406' });
    const members = (await call('GET', `/api/v1/groups/${group.id}/members`)).body.members;
    const admin = members.find((m: { role: string }) => m.role === 'admin').personId;
    const sam = as('stranger-sam', 'Sam');
    const samId = (await call('GET', '/api/v1/me', undefined, sam)).body.personId;
    for (const [method, url, body] of [
      ['GET', `/api/v1/groups/${group.id}`, undefined],
      ['GET', `/api/v1/groups/${group.id}/members`, undefined],
      ['POST', `/api/v1/groups/${group.id}/members`, { phones: '9988554407' }],
      ['PUT', `/api/v1/groups/${group.id}/members/${admin}/role`, { role: 'member' }],
      ['DELETE', `/api/v1/groups/${group.id}/members/${admin}`, undefined],
      ['DELETE', `/api/v1/groups/${group.id}/members/${samId}`, undefined],
      ['POST', `/api/v1/groups/${group.id}/invite-links`, {}],
      ['GET', `/api/v1/groups/${group.id}/card-invites`, undefined],
    ] as const) {
      const refused = await call(method, url, body, sam);
      expect({ url, status: refused.status, code: refused.body.error.code }).toEqual({
        url,
        status: 403,
        code: 'NOT_ALLOWED',
      });
      expect(JSON.stringify(refused.body)).not.toMatch(/payroll/i);
    }
    // Someone who is in the group is still told which group they may not act in.
    const ben = as('member-ben', 'Ben');
    const link = await call('POST', `/api/v1/groups/${group.id}/invite-links`, {});
    await call('POST', '/api/v1/invites/redeem', { token: link.body.url }, ben);
    const member = await call('POST', `/api/v1/groups/${group.id}/members`, { phones: '9988554408' }, ben);
    expect(member.body.error).toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('"Payroll review"'),
    });
  });
});
