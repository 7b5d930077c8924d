import { randomUUID } from 'node:crypto';
import { phoneNumber } from '../../support/delivery-world';
import { postgresAvailable } from '../../support/postgres';
import { tenantServerWithSso } from '../../support/tenant-harness';

const run = postgresAvailable() ? describe : describe.skip;

run('adding many people by phone when many people do it at once (tenant mode)', () => {
  const { issuer, harness } = tenantServerWithSso({
    DEFAULT_REGION: 'IN',
  });

  /** One signed-in person's call with a Teams SSO token. */
  async function call(oid: string, method: string, url: string, body?: unknown): Promise<Response> {
    const token = await issuer.token({ oid, name: `Person ${oid.slice(0, 4)}` });
    return fetch(`${harness().app.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  test('when seven people each add 5,000 numbers at the same moment, then two are worked on, four wait their turn, the seventh gets 503 SERVER_BUSY with Retry-After, and /healthz keeps answering', async () => {
    const people = Array.from({ length: 7 }, () => randomUUID());
    const groups: string[] = [];
    for (const oid of people) {
      const created = await call(oid, 'POST', '/api/v1/groups', { name: `Roster ${oid.slice(0, 4)}` });
      expect(created.status).toBe(201);
      groups.push(((await created.json()) as { group: { id: string } }).group.id);
    }
    let settled = false;
    const all = Promise.all(
      people.map((oid, p) =>
        call(oid, 'POST', `/api/v1/groups/${groups[p]}/members`, {
          phones: Array.from({ length: 5000 }, (_, i) => phoneNumber(p * 10_000 + i)),
        }),
      ),
    ).finally(() => {
      settled = true;
    });
    // Meanwhile the server answers everyone else.
    const healthTimes: number[] = [];
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      expect((await fetch(`${harness().app.url}/healthz`)).status).toBe(200);
      healthTimes.push(performance.now() - started);
    }
    const answers = await all;
    expect(healthTimes.length).toBeGreaterThan(5);
    expect(Math.max(...healthTimes)).toBeLessThan(500);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 503]);
    const refused = answers.find((answer) => answer.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      error: {
        code: 'SERVER_BUSY',
        message: 'Convene is busy adding people by phone for others; try again in 5 seconds.',
        details: { retryAfterSeconds: 5, running: 2, waiting: 4, work: 'adding people by phone' },
      },
    });
    // The refused person tries again later, as told, and gets in.
    const who = answers.indexOf(refused);
    const again = await call(people[who]!, 'POST', `/api/v1/groups/${groups[who]}/members`, {
      phones: Array.from({ length: 5000 }, (_, i) => phoneNumber(who * 10_000 + i)),
    });
    expect(again.status).toBe(200);
    const results = ((await again.json()) as { results: Array<{ outcome: string }> }).results;
    expect(results.filter((r) => r.outcome === 'added')).toHaveLength(5000);
  }, 120_000);
});
