import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AppHarness, startHarness } from '../../support/app-harness';

let h: AppHarness;
const PLAYGROUND_USER = {
  phone: '+14155550111',
  aadObjectId: 'playground-user-1',
  displayName: 'Alex Wilber',
};

/** The page's form as a browser sends it, from the page's own origin. */
const post = (url: string, form: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: {
      origin: h.app.url,
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

beforeAll(async () => {
  h = await startHarness();
  const file = path.join(h.dataDir, 'directory.json');
  writeFileSync(file, JSON.stringify([PLAYGROUND_USER]));
  await h.close({ keepData: true });
  h = await startHarness({ LOCAL_DIRECTORY_FILE: file }, { dataDir: h.dataDir });
});
afterAll(() => h?.close());

/** Signs in on the link's page as the directory's stand-in; the page the browser lands on. */
async function signInAsAlex(token: string): Promise<string> {
  const started = await post(`${h.app.url}/join/${token}/sign-in`, {});
  expect(started.status).toBe(303);
  const cookie = started.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = new URL(started.headers.get('location')!);
  expect(authorize.pathname).toBe('/join/developer-sign-in');

  const page = await (await fetch(authorize)).text();
  expect(page).toContain('This is not Microsoft sign-in.');
  // Names and numbers sit in isolates (`<bdi>`) so they keep their order in right-to-left pages.
  expect(page.replace(/<\/?bdi[^>]*>/g, '')).toContain('Sign in as Alex Wilber (+14155550111)');

  const hidden = Object.fromEntries(
    ['redirect_uri', 'state', 'nonce', 'code_challenge'].map((k) => [k, authorize.searchParams.get(k)!]),
  );
  const chosen = await post(`${h.app.url}/join/developer-sign-in`, {
    ...hidden,
    name: 'Alex Wilber',
    phone: PLAYGROUND_USER.phone,
  });
  expect(chosen.status).toBe(303);
  const back = await fetch(chosen.headers.get('location')!, { headers: { cookie }, redirect: 'manual' });
  expect(back.headers.get('location')).toBe(`/join/${token}/welcome`);
  const done = back.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return (await fetch(`${h.app.url}${back.headers.get('location')}`, { headers: { cookie: done } })).text();
}

describe('local mode’s developer sign-in', () => {
  test('when someone chooses a stand-in from the local directory, then they join as that directory person (the Playground’s user), and a second time changes nothing', async () => {
    const group = await h.request('POST', '/api/v1/groups', { name: 'Playground crew' });
    const link = await h.request('POST', `/api/v1/groups/${group.body.group.id}/invite-links`, {});
    const token = new URL(link.body.url).pathname.split('/').pop()!;

    expect(await signInAsAlex(token)).toContain('You’re in Playground crew');
    expect(await signInAsAlex(token)).toContain('You’re already in Playground crew');

    const members = await h.request('GET', `/api/v1/groups/${group.body.group.id}/members`);
    expect(members.body.members).toHaveLength(2);
    const alex = members.body.members.find(
      (m: { person: { displayName: string } }) => m.person.displayName === 'Alex Wilber',
    );
    expect(alex.state).toBe('joined');
    expect(alex.person.aadObjectId).toBe(PLAYGROUND_USER.aadObjectId);
  });

  test('when the developer sign-in is asked to send its code anywhere but Convene’s callback, then it refuses', async () => {
    const page = await fetch(
      `${h.app.url}/join/developer-sign-in?redirect_uri=${encodeURIComponent('https://evil.example/steal')}&state=s&nonce=n&code_challenge=c`,
      { headers: { accept: 'application/json' } },
    );
    expect(page.status).toBe(400);
    expect(((await page.json()) as { error: { code: string } }).error.code).toBe('SIGN_IN_REQUEST_INVALID');
    const answer = await post(`${h.app.url}/join/developer-sign-in`, {
      redirect_uri: 'https://evil.example/steal',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      name: 'Eve',
      phone: '+14155550100',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });
});
