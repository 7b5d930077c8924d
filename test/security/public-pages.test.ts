import { waitFor } from '../support/convene-process';
import { json, targetUnderAttack } from './support/target-process';

const token = 'SecretTokenSecretToken';

/**
 * The pages anyone may open without signing in, against a real process: one address gets a budget, and
 * the invite tokens in their addresses never reach the log.
 */
// A small budget keeps the test short; the proxy in front is this machine (the test's own requests).
const target = targetUnderAttack({
  LOG_LEVEL: 'info',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '60',
  TRUST_PROXY: 'loopback',
});

describe('public pages', () => {
  test('when a join link, a poster and a slideshow are opened and an error path is hit, then the log shows the paths without the token', async () => {
    await (await fetch(`${target().url}/join/${token}`)).text();
    await (await fetch(`${target().url}/join/${token}/preview.png?size=2`)).text();
    await (
      await fetch(`${target().url}/rollout/poster?invite=${encodeURIComponent(`https://x/join/${token}`)}`)
    ).text();
    await (await fetch(`${target().url}/rollout/slideshow?invite=${token}`)).text();
    const broken = await fetch(`${target().url}/join/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(broken.status).toBe(400);
    const log = await waitFor(() => {
      const output = target().proc.output();
      return /"method":"POST","url":"[^"]*","status":400/.test(output) ? output : undefined;
    });
    expect(log).toContain('"url":"/join/[redacted]"');
    expect(log).toContain('"url":"/join/[redacted]/preview.png"');
    expect(log).toContain('"url":"/rollout/poster"');
    expect(log).not.toContain(token);
  });

  test('when one address opens public pages past its budget, then 429 RATE_LIMITED with Retry-After; /healthz and the API are not counted', async () => {
    // The earlier test spent 5 of this address's 60; count on from there.
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const response = await fetch(`${target().url}/rollout/poster?invite=nonsense&format=png`);
      await response.text();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 404)).toHaveLength(55);
    const askedAt = performance.now();
    const limited = await fetch(`${target().url}/join/${token}`);
    expect(limited.status).toBe(429);
    // The refusal is paced, so a client that ignores Retry-After cannot loop on cheap refusals.
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(900);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await json(limited)).error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limitPerMinute: 60, retryAfterSeconds: retryAfter },
    });
    expect((await fetch(`${target().url}/api/v1/groups`)).status).toBe(200);
    // The anonymous ask-to-join of the API is a public page too.
    const asked = await fetch(`${target().url}/api/v1/invites/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Ravi', phone: '+447911123456' }),
    });
    expect(asked.status).toBe(429);
    // Another phone behind the same trusted proxy has its own budget.
    const other = await fetch(`${target().url}/join/${token}`, {
      headers: { 'x-forwarded-for': '198.51.100.9' },
    });
    expect(other.status).toBe(404);

    // A phone's browser over the budget gets the join page's words, not the JSON body.
    const page = await fetch(`${target().url}/join/${token}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Please wait a moment');
    expect(html).toMatch(/Wait (a second|\d+ seconds), then open the link again\./);
  });
});
