import { type AppHarness, startHarness } from '../../support/app-harness';
import { phoneNumber } from '../../support/delivery-world';

/** Answer times of /healthz asked every few milliseconds until `stop` is called. */
function watchHealth(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}/healthz`);
      await response.text();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

const p99 = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)]!;

/** Adds `total` people to one group in requests of `perRequest`, watching /healthz meanwhile. */
async function addInRequests(h: AppHarness, groupId: string, total: number, perRequest: number) {
  const health = watchHealth(h.app.url);
  const outcomes: Record<string, number> = {};
  for (let start = 0; start < total; start += perRequest) {
    const phones = Array.from({ length: Math.min(perRequest, total - start) }, (_, i) =>
      phoneNumber(start + i),
    );
    const added = await h.request('POST', `/api/v1/groups/${groupId}/members`, { phones });
    expect(added.status).toBe(200);
    for (const r of added.body.results as Array<{ outcome: string }>) {
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    }
  }
  return { outcomes, health: await health.stop() };
}

describe('adding many people by phone', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
  });
  afterAll(() => h.close());

  test('when more numbers than one request may carry are sent, then 400 TOO_MANY_PHONE_NUMBERS names the limit and bulk upload, and nobody is added', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Too many' })).body.group;
    const phones = Array.from({ length: 5001 }, (_, i) => phoneNumber(i));
    const refused = await h.request('POST', `/api/v1/groups/${group.id}/members`, { phones });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'TOO_MANY_PHONE_NUMBERS',
      message: expect.stringMatching(/At most 5,000 phone numbers.*this was 5,001.*Bulk upload/),
      details: { count: 5001, max: 5000 },
    });
    const view = await h.request('GET', `/api/v1/groups/${group.id}`);
    expect(view.body.memberCount).toBe(1);
    // Exactly the limit is fine.
    const added = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      phones: phones.slice(0, 5000),
    });
    expect(added.status).toBe(200);
    expect((await h.request('GET', `/api/v1/groups/${group.id}`)).body.memberCount).toBe(5001);
  }, 60_000);

  test('when one person sends two large additions at once, then one is worked on and the other gets 429 WORK_IN_PROGRESS with Retry-After, while small additions still go through', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Pasted twice' })).body.group;
    const first = Array.from({ length: 5000 }, (_, i) => phoneNumber(100_000 + i));
    const second = Array.from({ length: 5000 }, (_, i) => phoneNumber(200_000 + i));
    const post = (phones: string[]) =>
      fetch(`${h.app.url}/api/v1/groups/${group.id}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phones }),
      });
    const both = Promise.all([post(first), post(second)]);
    // A handful of numbers is no heavier than any other write: not held back by the large ones.
    const few = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      phones: [phoneNumber(300_000), phoneNumber(300_001)],
    });
    expect(few.status).toBe(200);
    const answers = await both;
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toEqual({
      error: {
        code: 'WORK_IN_PROGRESS',
        message: 'You are already adding people by phone; wait until that has finished, then try again.',
        details: { retryAfterSeconds: 3, work: 'adding people by phone' },
      },
    });
    // Nothing of the refused list was added; sent again once the first is done, it is.
    expect((await h.request('GET', `/api/v1/groups/${group.id}`)).body.memberCount).toBe(1 + 2 + 5000);
    const retried = await post(refused === answers[0] ? first : second);
    expect(retried.status).toBe(200);
    expect((await h.request('GET', `/api/v1/groups/${group.id}`)).body.memberCount).toBe(1 + 2 + 10_000);
  }, 60_000);

  test('when 20,000 people are added to one group, then /healthz keeps answering within 200 ms (p99) and everyone is in once', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Everyone' })).body.group;
    const started = performance.now();
    const first = await addInRequests(h, group.id, 20_000, 5000);
    const took = performance.now() - started;
    expect(first.outcomes).toEqual({ added: 20_000 });
    expect(first.health.length).toBeGreaterThan(50);
    expect({ p99: p99(first.health), took }).toEqual({ p99: expect.any(Number), took: expect.any(Number) });
    expect(p99(first.health)).toBeLessThanOrEqual(200);
    // The same list again (a retried paste): nobody is added twice, and the server stays as responsive.
    const again = await addInRequests(h, group.id, 20_000, 5000);
    expect(again.outcomes).toEqual({ 'already-member': 20_000 });
    expect(p99(again.health)).toBeLessThanOrEqual(200);
    expect((await h.request('GET', `/api/v1/groups/${group.id}`)).body.memberCount).toBe(20_001);
  }, 120_000);
});
