import { type AppHarness, startHarness } from '../../support/app-harness';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });
const PATH = '/api/v1/portal/users';

describe('the Users API over HTTP', () => {
  let h: AppHarness;
  let sales: { id: string };
  let kitchen: { id: string };
  const chandra = as('champ-chandra', 'Chandra');
  const mo = as('member-mo', 'Mo');
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${h.app.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') && text ? JSON.parse(text) : text,
    };
  };
  const find = async (search: string, headers: Record<string, string> = {}) =>
    (await call('GET', `${PATH}?search=${encodeURIComponent(search)}`, undefined, headers)).body;

  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
    sales = (await call('POST', '/api/v1/groups', { name: 'Sales' })).body.group;
    kitchen = (await call('POST', '/api/v1/groups', { name: 'Kitchen' })).body.group;
    await call('POST', `/api/v1/groups/${sales.id}/members`, { phones: '9988554401, 9988554402' });
    await call('POST', `/api/v1/groups/${kitchen.id}/members`, { phones: '9988554401, 9988554403' });
    const champ = await call('GET', '/api/v1/me', undefined, chandra);
    await call('POST', `/api/v1/groups/${kitchen.id}/champs`, { personId: champ.body.personId });
    // Mo is a plain member of Sales: a Teams user who joined, with no say over anyone.
    const me = await call('GET', '/api/v1/me', undefined, mo);
    await h.app.storage.db
      .insertInto('memberships')
      .values({
        group_id: sales.id,
        person_id: me.body.personId,
        role: 'member',
        source: 'link',
        state: 'joined',
        invited_by: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
  });
  afterAll(() => h.close());

  test('when an org admin pages and searches, then the answers are bounded, consistent and cover every group', async () => {
    const first = await call('GET', `${PATH}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, scope: 'organisation' });
    expect(first.body.users).toHaveLength(2);
    const rest = await call('GET', `${PATH}?limit=200&after=${first.body.nextCursor}`);
    expect(rest.body.users).toHaveLength(3);
    expect(rest.body.nextCursor).toBeNull();

    const ravi = await find('099885 54401');
    expect(ravi.users).toHaveLength(1);
    expect(ravi.users[0].groups.map((g: { name: string }) => g.name)).toEqual(['Kitchen', 'Sales']);
    expect((await call('GET', `${PATH}?account=no-account&group=${kitchen.id}`)).body.total).toBe(2);

    for (const query of ['limit=0', 'limit=201', `search=${'x'.repeat(321)}`, 'account=someone']) {
      const refused = await call('GET', `${PATH}?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
    }
  });

  test('when a champ asks, then only the people of their groups come back, and others are not found', async () => {
    const page = await call('GET', PATH, undefined, chandra);
    expect(page.status).toBe(200);
    expect(page.body.scope).toBe('champ');
    expect(page.body.users.map((u: { phone: string | null }) => u.phone).sort()).toEqual([
      '+919988554401',
      '+919988554403',
      null,
    ]);
    const asha = (await find('9988554402')).users[0];
    const refused = await call('GET', `${PATH}/${asha.personId}`, undefined, chandra);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('PERSON_NOT_FOUND');
    expect(JSON.stringify(refused.body)).not.toContain('Sales');
    const added = await call('POST', `${PATH}/${asha.personId}/groups`, { groupIds: [kitchen.id] }, chandra);
    expect(added.status).toBe(404);
  });

  test('when a plain member asks, then they are refused quietly: no names, no groups, no counts', async () => {
    for (const [method, url] of [
      ['GET', PATH],
      ['GET', `${PATH}/export.csv`],
      ['GET', `${PATH}/${(await find('9988554401')).users[0].personId}`],
    ] as const) {
      const refused = await call(method, url, undefined, mo);
      expect({ url, status: refused.status, code: refused.body.error?.code }).toEqual({
        url,
        status: 403,
        code: 'NOT_ALLOWED',
      });
      expect(refused.body.error.message).toBe('Users is for org admins and champs.');
    }
  });

  test('when an org admin opens a person and changes their groups, then each change answers per group and the page follows', async () => {
    const meena = (await find('9988554403')).users[0];
    const page = await call('GET', `${PATH}/${meena.personId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      account: 'no-account',
      groups: [{ groupName: 'Kitchen', role: 'member', state: 'invited', allowed: { remove: true } }],
    });

    const added = await call('POST', `${PATH}/${meena.personId}/groups`, {
      groupIds: [sales.id, kitchen.id],
      role: 'member',
    });
    expect(added.body.outcomes).toEqual([
      { groupId: sales.id, outcome: 'added' },
      { groupId: kitchen.id, outcome: 'already-member' },
    ]);
    const tooMany = await call('POST', `${PATH}/${meena.personId}/groups`, {
      groupIds: Array.from({ length: 51 }, (_, i) => `g${i}`),
    });
    expect(tooMany.status).toBe(400);

    const resent = await call('POST', `${PATH}/${meena.personId}/invites/resend`, {});
    expect(resent.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['resent', 'resent']);

    expect((await call('DELETE', `${PATH}/${meena.personId}/groups/${sales.id}`)).status).toBe(204);
    const removed = await call('DELETE', `${PATH}/${meena.personId}/groups`);
    expect(removed.body.outcomes).toEqual([{ groupId: kitchen.id, outcome: 'removed' }]);
    expect((await call('GET', `${PATH}/${meena.personId}`)).status).toBe(404);
  });

  test('when the last admin is removed from all groups, then the groups they alone run keep them', async () => {
    const depot = (await call('POST', '/api/v1/groups', { name: 'Depot' })).body.group;
    const me = (await call('GET', '/api/v1/me')).body;
    await call('POST', `/api/v1/groups/${depot.id}/members`, { phones: '9988554401' });
    const removed = await call('DELETE', `${PATH}/${me.personId}/groups`);
    expect(removed.status).toBe(200);
    const refusedCodes = removed.body.outcomes.map(
      (o: { outcome: string; code?: string }) => o.code ?? o.outcome,
    );
    // The developer created every group and is each one's only admin.
    expect(new Set(refusedCodes)).toEqual(new Set(['LAST_ADMIN']));
    const single = await call('DELETE', `${PATH}/${me.personId}/groups/${depot.id}`);
    expect(single.status).toBe(409);
    expect(single.body.error.code).toBe('LAST_ADMIN');
  });

  test('when the list is exported, then a CSV attachment comes with one line per person', async () => {
    const csv = await call('GET', `${PATH}/export.csv?search=9988&account=`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('users.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Name,Phone Number,Email,/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });
});
