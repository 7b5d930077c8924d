import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppHarness, startHarness } from '../../support/app-harness';

describe('the HTTP API on a real server', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
  });
  afterAll(() => h.close());

  test('when /healthz and /readyz are asked, then both answer ok', async () => {
    expect(await h.request('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await h.request('GET', '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  test('when the body is not JSON, then 400 MALFORMED_JSON in the shared error body', async () => {
    const { status, body } = await h.request('POST', '/api/v1/groups', '{"name": ');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: 'MALFORMED_JSON', message: expect.stringContaining('not valid JSON'), details: {} },
    });
  });

  test('when a route does not exist, then 404 NOT_FOUND in the shared error body', async () => {
    const { status, body } = await h.request('GET', '/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  test('when a field is missing, then 400 BODY_INVALID names the field', async () => {
    const { status, body } = await h.request('POST', '/api/v1/groups', { parentId: null });
    expect(status).toBe(400);
    expect(body.error.code).toBe('BODY_INVALID');
    expect(body.error.details.fields).toEqual([{ field: 'name', problem: expect.any(String) }]);
  });

  test('when the local developer builds a hierarchy, then loops and duplicate names are refused with codes', async () => {
    const me = await h.request('GET', '/api/v1/me');
    expect(me.body).toMatchObject({ isOrgAdmin: true, developerIdentity: true, mode: 'local' });
    const parent = await h.request('POST', '/api/v1/groups', { name: 'Contoso – All Employees' });
    expect(parent.status).toBe(201);
    expect(parent.body.group.organisationId).toBe(me.body.organisation.id);
    const child = await h.request('POST', '/api/v1/groups', {
      name: 'Sales',
      parentId: parent.body.group.id,
    });
    expect(child.status).toBe(201);
    const clash = await h.request('POST', '/api/v1/groups', { name: 'SALES' });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'GROUP_NAME_TAKEN' } } });
    const loop = await h.request('PUT', `/api/v1/groups/${parent.body.group.id}/parent`, {
      parentId: child.body.group.id,
    });
    expect(loop).toMatchObject({ status: 400, body: { error: { code: 'HIERARCHY_CYCLE' } } });
    const tooLong = await h.request('POST', '/api/v1/groups', { name: 'x'.repeat(101) });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 'GROUP_NAME_TOO_LONG' } } });
  });

  test('when numbers are pasted comma-separated, then each gets a result in the organisation region', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Warehouse' });
    const groupId = created.body.group.id;
    const added = await h.request('POST', `/api/v1/groups/${groupId}/members`, {
      phones: '9988554401, 9988554402, 12',
    });
    expect(added.status).toBe(200);
    expect(added.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'added',
      'added',
      'invalid',
    ]);
    expect(added.body.results[2].reason).toContain('region IN');
    const members = await h.request('GET', `/api/v1/groups/${groupId}/members`);
    expect(members.body.members).toHaveLength(3);
  });

  test('when a big group is listed, then its members come a page at a time, each once, with the totals', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Depot' });
    const groupId = created.body.group.id;
    const phones = Array.from({ length: 230 }, (_, i) => `98765${String(i).padStart(5, '0')}`);
    expect((await h.request('POST', `/api/v1/groups/${groupId}/members`, { phones })).status).toBe(200);
    const seen: string[] = [];
    let after: string | null = null;
    const pages: number[] = [];
    do {
      const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
      const page = await h.request('GET', `/api/v1/groups/${groupId}/members?limit=100${cursor}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 231, admins: 1 });
      pages.push(page.body.members.length);
      seen.push(...page.body.members.map((m: { personId: string }) => m.personId));
      after = page.body.next;
    } while (after);
    expect(pages).toEqual([100, 100, 31]);
    expect(new Set(seen).size).toBe(231);
    // Admins first: the creator opens the first page.
    const first = await h.request('GET', `/api/v1/groups/${groupId}/members?limit=1`);
    expect(first.body.members[0].role).toBe('admin');
    // The default page, and what is refused.
    expect((await h.request('GET', `/api/v1/groups/${groupId}/members`)).body.members).toHaveLength(100);
    const tooMany = await h.request('GET', `/api/v1/groups/${groupId}/members?limit=501`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('QUERY_INVALID');
    const forged = await h.request('GET', `/api/v1/groups/${groupId}/members?after=bm90IGEgY3Vyc29y`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('CURSOR_INVALID');
  });

  test('when an invite link is issued and used, then joining is a POST and bad tokens get a coded 404', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Night shift' });
    const link = await h.request('POST', `/api/v1/groups/${created.body.group.id}/invite-links`, {
      maxUses: 5,
    });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(new RegExp(`^${h.app.url}/join/[A-Za-z0-9_-]{22}$`));
    const redeemed = await h.request('POST', '/api/v1/invites/redeem', { token: link.body.url });
    expect(redeemed.body.outcome).toBe('already-member');
    const bogus = await h.request('POST', '/api/v1/invites/redeem', { token: 'https://x/join/nope' });
    expect(bogus).toMatchObject({ status: 404, body: { error: { code: 'INVITE_NOT_FOUND' } } });
  });

  test('when the tab has not been built, then /tab says so with a coded error', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'convene-no-tab-'));
    const bare = await startHarness({ TAB_DIR: emptyDir });
    try {
      const { status, body } = await bare.request('GET', '/tab/index.html');
      expect(status).toBe(503);
      expect(body.error.code).toBe('TAB_NOT_BUILT');
    } finally {
      await bare.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('serving the tab', () => {
  test('when the tab is built, then /tab/ serves its files', async () => {
    const tabDir = mkdtempSync(path.join(os.tmpdir(), 'convene-tab-'));
    writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Convene</title>');
    const h = await startHarness({ TAB_DIR: tabDir });
    try {
      const response = await fetch(`${h.app.url}/tab/index.html`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Convene</title>');
    } finally {
      await h.close();
      rmSync(tabDir, { recursive: true, force: true });
    }
  });
});

describe('persistence', () => {
  test('when the server restarts on the same data directory, then groups are still there', async () => {
    const first = await startHarness();
    await first.request('POST', '/api/v1/groups', { name: 'Survives restarts' });
    await first.close({ keepData: true });
    const second = await startHarness({}, { dataDir: first.dataDir });
    try {
      const groups = await second.request('GET', '/api/v1/groups');
      expect(groups.body.groups.map((g: { name: string }) => g.name)).toEqual(['Survives restarts']);
    } finally {
      await second.close();
    }
  });
});

describe('the bot endpoint', () => {
  test.each([
    ['an empty object', {}],
    ['a JSON array', [1, 2]],
    ['an activity without a type', { text: 'hello' }],
  ])('when it is sent %s, then 400 BOT_ACTIVITY_INVALID rather than a bare 500', async (_label, body) => {
    const h = await startHarness();
    try {
      const answer = await h.request('POST', '/api/messages', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('BOT_ACTIVITY_INVALID');
    } finally {
      await h.close();
    }
  });
});
