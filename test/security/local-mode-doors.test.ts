import { rawRequest } from '../support/raw-http';
import { targetUnderAttack } from './support/target-process';

/**
 * Local mode signs every caller in as an org admin, so the browser's rules are the fence: pages from
 * other sites must not change anything, and a rebinding DNS name must not reach the server at all.
 * Against a real process; after each, `/healthz` answers within 200 ms and the temp dir is empty.
 */
const target = targetUnderAttack();

const groupNames = async (): Promise<string[]> => {
  const response = await fetch(`${target().url}/api/v1/groups`);
  const body = (await response.json()) as { groups: { name: string }[] };
  return body.groups.map((group) => group.name);
};

describe('local mode doors', () => {
  test('when a page on another site posts a form to the API, then 403 CROSS_SITE_REQUEST and no group is made', async () => {
    const answer = await rawRequest(`${target().url}/api/v1/groups`, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'name=Owned',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      code: 'CROSS_SITE_REQUEST',
      details: { origin: 'http://evil.example' },
    });
    expect(await groupNames()).not.toContain('Owned');
  });

  test('when a browser on another site sends JSON without an Origin it can hide, then Sec-Fetch-Site alone refuses it', async () => {
    const answer = await rawRequest(`${target().url}/api/v1/groups`, {
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      body: '{"name":"Sibling site"}',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('CROSS_SITE_REQUEST');
  });

  test('when a form is posted to the API with no Origin at all, then it is still refused: the API takes JSON only', async () => {
    const answer = await rawRequest(`${target().url}/api/v1/groups`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Formed',
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await groupNames()).not.toContain('Formed');
  });

  test('when the tab posts from its own origin, then the change is made', async () => {
    const response = await fetch(`${target().url}/api/v1/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: target().url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ name: 'From the tab' }),
    });
    expect(response.status).toBe(201);
    expect(await groupNames()).toContain('From the tab');
  });

  test('when a request names another host (DNS rebinding), then 421 HOST_NOT_ALLOWED even for reading', async () => {
    const port = new URL(target().url).port;
    const answer = await rawRequest(`${target().url}/api/v1/groups`, {
      method: 'GET',
      headers: { host: `rebind.evil.example:${port}` },
    });
    expect(answer.status).toBe(421);
    expect(answer.body.error).toMatchObject({
      code: 'HOST_NOT_ALLOWED',
      details: { host: `rebind.evil.example:${port}` },
    });
    const viaLocalhost = await rawRequest(`${target().url}/healthz`, {
      method: 'GET',
      headers: { host: `localhost:${port}` },
    });
    expect(viaLocalhost.status).toBe(200);
  });

  test('when the Agents Playground posts an activity from its own server (no Origin), then the bot answers', async () => {
    const response = await fetch(`${target().url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/_connector',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        recipient: { id: 'bot' },
      }),
    });
    expect(response.status).toBeLessThan(300);
  });
});
