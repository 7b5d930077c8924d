import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppHarness, startHarness } from '../../support/app-harness';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });
const PATH = '/api/v1/portal/people-without-account';

describe('the People without an account API over HTTP', () => {
  let h: AppHarness;
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
  const directoryFile = path.join(os.tmpdir(), `convene-directory-${process.pid}.json`);
  beforeAll(async () => {
    // Nobody has an account yet; a later test gives one of the numbers an account in the file.
    writeFileSync(directoryFile, JSON.stringify([]));
    h = await startHarness({ DEFAULT_REGION: 'IN', LOCAL_DIRECTORY_FILE: directoryFile });
    const sales = (await call('POST', '/api/v1/groups', { name: 'Sales' })).body.group;
    const kitchen = (await call('POST', '/api/v1/groups', { name: 'Kitchen' })).body.group;
    await call('POST', `/api/v1/groups/${sales.id}/members`, {
      phones: '9988554401, 9988554402, 9988554403',
    });
    await call('POST', `/api/v1/groups/${kitchen.id}/members`, { phones: '+1 202 555 0143', region: 'US' });
  });
  afterAll(() => h.close());

  test('when an org admin pages through the list with a search and filters, then the answers are bounded and consistent', async () => {
    const first = await call('GET', `${PATH}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(4);
    expect(first.body.people).toHaveLength(2);
    const second = await call('GET', `${PATH}?limit=2&after=${first.body.nextCursor}`);
    expect(second.body.people).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();

    const searched = await call('GET', `${PATH}?search=${encodeURIComponent('+91 99885 54401')}`);
    expect(searched.body.people.map((p: { phone: string }) => p.phone)).toEqual(['+919988554401']);
    expect(searched.body.people[0]).toMatchObject({
      groups: [{ name: 'Sales' }],
      addedBy: { name: expect.any(String) },
      addedThrough: 'manual',
      region: 'IN',
    });
    const us = await call('GET', `${PATH}?region=US`);
    expect(us.body.people.map((p: { phone: string }) => p.phone)).toEqual(['+12025550143']);

    for (const query of ['limit=0', 'limit=201', `search=${'x'.repeat(321)}`, 'region=XX']) {
      const refused = await call('GET', `${PATH}?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
    }
  });

  test('when the list is exported, then a CSV attachment comes with one line per person', async () => {
    const csv = await call('GET', `${PATH}/export.csv?group=&search=9988`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('people-without-account.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Name,Phone Number,Region,/);
    expect(
      lines
        .slice(1)
        .map((l: string) => l.split(',')[1])
        .sort(),
    ).toEqual(['+919988554401', '+919988554402', '+919988554403']);
  });

  test('when someone who is not an org admin calls any of it, then each answer is 403 NOT_ALLOWED', async () => {
    const meena = as('member-meena', 'Meena');
    for (const [method, url, body] of [
      ['GET', PATH, undefined],
      ['GET', `${PATH}/export.csv`, undefined],
      ['POST', `${PATH}/lookups`, { all: true }],
      ['GET', `${PATH}/lookups/some-id`, undefined],
    ] as const) {
      const refused = await call(method, url, body, meena);
      expect({ url, status: refused.status, code: refused.body.error?.code }).toEqual({
        url,
        status: 403,
        code: 'NOT_ALLOWED',
      });
    }
  });

  test('when a lookup is asked with a body out of bounds, then it is refused before anything starts', async () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => `person-${i}`);
    for (const body of [
      {},
      { personIds: [] },
      { personIds: tooMany },
      { all: false },
      { all: true, extra: 1 },
    ]) {
      expect((await call('POST', `${PATH}/lookups`, body)).status).toBe(400);
    }
  });

  test('when one number gets an account and an org admin looks everyone up again, then the job runs and the person with an account leaves the list', async () => {
    // The local directory file is read again when it changes, as an admin trying Convene would edit it.
    writeFileSync(
      directoryFile,
      JSON.stringify([{ phone: '+919988554402', aadObjectId: 'aad-ravi', displayName: 'Ravi Kumar' }]),
    );
    const started = await call('POST', `${PATH}/lookups`, { all: true, filter: { region: 'IN' } });
    expect(started.status).toBe(202);
    expect(started.body.lookup.progress.total).toBe(3);
    let lookup = started.body.lookup;
    for (let i = 0; i < 100 && lookup.status !== 'succeeded' && lookup.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      lookup = (await call('GET', `${PATH}/lookups/${lookup.id}`)).body.lookup;
    }
    expect(lookup).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      counts: { matched: 1, notFound: 2, failed: 0 },
    });
    const after = await call('GET', PATH);
    expect(after.body.total).toBe(3);
    expect(after.body.people.map((p: { phone: string }) => p.phone)).not.toContain('+919988554402');
    const ravi = after.body.people.find((p: { phone: string }) => p.phone === '+919988554401');
    expect(ravi.lastLookup).toEqual({ at: expect.any(String), outcome: 'not-found' });
  });
});
