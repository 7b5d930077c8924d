import { createHash } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import { createInviteLink } from '../../../src/domain/invites/create-invite-link';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { ensureOrganisationAdmin } from '../../../src/domain/organisations/ensure-organisation-admin';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { type AppHarness, startHarness } from '../../support/app-harness';
import { APP_ID_URI, CLIENT_ID, HOME_TENANT, OTHER_TENANT, SsoTokenIssuer } from '../sso/sso-tokens';

const PUBLIC = 'https://convene.contoso.com';
const ENTRA = 'https://login.microsoftonline.com';

let h: AppHarness;
let graph: GraphServer;
let issuer: SsoTokenIssuer;
let admin: Actor;
let organisationId: string;
let people = 0;

/** A Contoso group with an invite link; the admin is its first member. */
async function groupWithLink(settings: { maxUses?: number; organisationAccountsOnly?: boolean } = {}) {
  const group = await createGroup(h.app.ctx, { name: `Depot ${++people}`, organisationId }, admin);
  const { token } = await createInviteLink(h.app.ctx, { groupId: group.id, ...settings }, admin);
  return { group, token };
}

const members = (groupId: string) => h.app.ctx.uow.read((repos) => repos.memberships.listByGroup(groupId));
const usesLeft = async (token: string): Promise<number | null> => {
  const page = await fetch(`${h.app.url}/join/${token}`, { headers: { accept: 'application/json' } });
  return ((await page.json()) as { usesLeft: number | null }).usesLeft;
};

/** Presses "Sign in and join" on the page: the sign-in's cookie and where the browser is sent. */
async function startSignIn(token: string, origin = PUBLIC): Promise<{ cookie: string; authorize: URL }> {
  const response = await fetch(`${h.app.url}/join/${token}/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: '',
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/Secure/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return { cookie: cookie.split(';')[0]!, authorize: new URL(response.headers.get('location')!) };
}

/** The loopback Entra signs `user` in and sends the browser back to Convene's callback. */
async function signInAtEntra(authorize: URL, user: GraphServer['signInAs']): Promise<string> {
  graph.signInAs = user;
  const response = await fetch(authorize.href.replace(ENTRA, graph.url), { redirect: 'manual' });
  expect(response.status).toBe(302);
  const callback = response.headers.get('location')!;
  expect(callback.startsWith(`${PUBLIC}/join/callback?`)).toBe(true);
  return callback.replace(PUBLIC, h.app.url);
}

async function callback(url: string, cookie?: string) {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
    redirect: 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookies: response.headers.getSetCookie(),
    body: text ? JSON.parse(text) : undefined,
  };
}

const contosoUser = (oid: string, name = 'Kofi Mensah') => ({ tid: HOME_TENANT, oid, name });

beforeAll(async () => {
  issuer = new SsoTokenIssuer();
  await issuer.start();
  graph = new GraphServer();
  await graph.start();
  graph.signIdToken = (claims) => issuer.token(claims);
  graph.addUsers(1, () => ({ id: 'kofi-oid', displayName: 'Kofi Mensah', mobilePhone: '+1 415 555 0199' }));
  h = await startHarness(
    {
      CONVENE_MODE: 'tenant',
      MICROSOFT_APP_ID: CLIENT_ID,
      MICROSOFT_APP_PASSWORD: 'bot-secret-for-the-loopback-entra-0001',
      MICROSOFT_APP_TENANT_ID: HOME_TENANT,
      AAD_APP_ID_URI: APP_ID_URI,
      AAD_ALLOWED_TENANTS: `${HOME_TENANT},${OTHER_TENANT}`,
      AAD_JWKS_URL: issuer.jwksUrl,
      GRAPH_BASE_URL: graph.url,
      PUBLIC_BASE_URL: PUBLIC,
      // Every request of this file comes from 127.0.0.1; the per-address budget has its own test.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    },
    { dialect: 'postgres', entraNetworkClient: loopbackNetworkClient(graph) },
  );
  const identity = { tenantId: HOME_TENANT, aadObjectId: 'asha-oid', displayName: 'Asha Admin' };
  const organisation = await ensureOrganisationAdmin(
    h.app.ctx,
    { tenantId: HOME_TENANT, displayName: 'Contoso', defaultRegion: 'US' },
    identity,
  );
  organisationId = organisation.id;
  admin = await identifyTeamsUser(h.app.ctx, identity);
});

afterAll(async () => {
  await h?.close();
  await graph?.stop();
  await issuer?.stop();
});

describe('signing in on the join page with a work account (tenant mode, loopback Entra)', () => {
  test('when someone signs in with the code and PKCE round trip, then they join once, as the person the admin added by their directory phone', async () => {
    const { group, token } = await groupWithLink();
    await addMembersByPhone(
      h.app.ctx,
      { groupId: group.id, phones: ['+14155550199'], region: 'US', role: 'member', source: 'manual' },
      admin,
    );

    const { cookie, authorize } = await startSignIn(token);
    expect(authorize.origin + authorize.pathname).toBe(`${ENTRA}/${HOME_TENANT}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/join/callback`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toHaveLength(43);
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    // The cookie is sealed: neither the token nor the verifier can be read from it.
    expect(cookie).not.toContain(token);

    const answer = await callback(await signInAtEntra(authorize, contosoUser('kofi-oid')), cookie);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/join/${token}/welcome`);
    expect(graph.tokenRequests.some((r) => r.grantType === 'authorization_code')).toBe(true);

    const welcome = await fetch(`${h.app.url}${answer.location}`, {
      headers: {
        cookie: answer.cookies.map((c) => c.split(';')[0]).join('; '),
      },
    });
    const page = await welcome.text();
    expect(welcome.status).toBe(200);
    expect(page).toContain(`You’re in ${group.name}`);
    // No team yet: Convene's chat, with `join ‹link›` ready to send (the bot answers with the group's card).
    expect(page).toContain(
      `https://teams.microsoft.com/l/chat/0/0?users=28%3A${CLIENT_ID}&amp;message=join%20${encodeURIComponent(PUBLIC)}`,
    );

    const list = await members(group.id);
    expect(list).toHaveLength(2);
    const kofi = list.find((m) => m.person.phone === '+14155550199')!;
    expect(kofi.state).toBe('joined');
    expect(kofi.person).toMatchObject({ tenantId: HOME_TENANT, aadObjectId: 'kofi-oid' });
  });

  test('when the state is wrong or replayed, its cookie missing or forged, or the token is for another app, then the sign-in is refused with its code and nobody joins', async () => {
    const { group, token } = await groupWithLink();

    const wrong = await startSignIn(token);
    const wrongUrl = new URL(await signInAtEntra(wrong.authorize, contosoUser('wrong-state-oid')));
    wrongUrl.searchParams.set('state', 'x'.repeat(43));
    expect(await callback(wrongUrl.href, wrong.cookie)).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGN_IN_STATE_MISMATCH' } },
    });

    const missing = await startSignIn(token);
    expect(
      await callback(await signInAtEntra(missing.authorize, contosoUser('no-cookie-oid'))),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGN_IN_SESSION_MISSING' } },
    });

    const forged = await startSignIn(token);
    const [name, sealed] = forged.cookie.split('=');
    const tampered = `${name}=${sealed!.slice(0, -4)}${sealed!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(
      await callback(await signInAtEntra(forged.authorize, contosoUser('forged-oid')), tampered),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGN_IN_SESSION_MISSING' } },
    });

    const audience = await startSignIn(token);
    const forOtherApp = { ...contosoUser('other-app-oid'), claims: { aud: 'api://someone-else' } };
    expect(
      await callback(await signInAtEntra(audience.authorize, forOtherApp), audience.cookie),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGN_IN_TOKEN_AUDIENCE' } },
    });

    const crossSite = await fetch(`${h.app.url}/join/${token}/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', accept: 'application/json' },
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(401);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe('SIGN_IN_CROSS_SITE');

    expect(await members(group.id)).toHaveLength(1);

    const once = await startSignIn(token);
    const url = await signInAtEntra(once.authorize, contosoUser('replay-oid', 'Rita Replay'));
    expect((await callback(url, once.cookie)).status).toBe(303);
    expect(await callback(url, once.cookie)).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGN_IN_STATE_REPLAYED' } },
    });
    expect(await members(group.id)).toHaveLength(2);
  });

  test('when someone of another tenant signs in on an organisation-only link, then they are refused and the link is not used', async () => {
    const { group, token } = await groupWithLink({ organisationAccountsOnly: true, maxUses: 3 });
    const { cookie, authorize } = await startSignIn(token);
    const stranger = { tid: OTHER_TENANT, oid: 'fabrikam-oid', name: 'Fay Fabrikam' };
    expect(await callback(await signInAtEntra(authorize, stranger), cookie)).toMatchObject({
      status: 403,
      body: { error: { code: 'INVITE_ORGANISATION_ACCOUNTS_ONLY' } },
    });
    expect(await members(group.id)).toHaveLength(1);
    expect(await usesLeft(token)).toBe(3);
  });

  test('when the page is fetched 50 times, then the link is not used at all', async () => {
    const { token } = await groupWithLink({ maxUses: 5 });
    for (let i = 0; i < 50; i++) {
      const page = await fetch(`${h.app.url}/join/${token}`);
      expect(page.status).toBe(200);
      await page.text();
    }
    expect(await usesLeft(token)).toBe(5);
  });

  test('when the group grows while its page is opened, then the next reading of the link shows it, and the page’s one style is the one its CSP hashes', async () => {
    const { group, token } = await groupWithLink();
    const before = await (await fetch(`${h.app.url}/join/${token}`)).text();
    expect(before).toMatch(/\b1 person\b/);
    await addMembersByPhone(
      h.app.ctx,
      { groupId: group.id, phones: ['+14155550142'], region: 'US', role: 'member', source: 'manual' },
      admin,
    );
    // A page is worded once per reading of the link's facts, and the facts are read again after a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const page = await fetch(`${h.app.url}/join/${token}`);
    const html = await page.text();
    expect(html).toMatch(/\b2 people\b/);
    const style = /<style>([^<]*)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.headers.get('content-security-policy')).toContain(`style-src 'sha256-${hash}';`);
    expect(html).not.toContain('nonce');
  });

  test('when a phone takes gzip, then the page comes compressed (a few KB), and one that does not gets the same page plain', async () => {
    const { token } = await groupWithLink();
    const raw = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${h.app.url}/join/${token}`, { headers: { 'accept-encoding': encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const compressed = await raw('gzip, deflate, br');
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toContain('Accept-Encoding');
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(compressed.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
    expect((await raw('gzip;q=0, identity')).headers['content-encoding']).toBeUndefined();
  });

  test('when 50 people finish signing in at once on a link with 5 uses, then exactly 5 join', async () => {
    const { group, token } = await groupWithLink({ maxUses: 5 });
    const ready: Array<{ url: string; cookie: string }> = [];
    for (let i = 0; i < 50; i++) {
      const { cookie, authorize } = await startSignIn(token);
      ready.push({ url: await signInAtEntra(authorize, contosoUser(`crowd-${i}`, `Person ${i}`)), cookie });
    }
    const answers = await Promise.all(ready.map(({ url, cookie }) => callback(url, cookie)));
    expect(answers.filter((a) => a.status === 303)).toHaveLength(5);
    const refused = answers.filter((a) => a.status !== 303);
    expect(new Set(refused.map((a) => a.body.error.code))).toEqual(new Set(['INVITE_USED_UP']));
    expect((await members(group.id)).filter((m) => m.state === 'joined')).toHaveLength(6);
    expect(await usesLeft(token)).toBe(0);
  });

  test('when a chat app fetches the link preview, then it gets the tags and an image rendered once for the link, whose QR code opens the link', async () => {
    const { group, token } = await groupWithLink();
    const html = await (await fetch(`${h.app.url}/join/${token}`)).text();
    expect(html).toContain(`<meta property="og:title" content="Join ${group.name} on Microsoft Teams">`);
    expect(html).toContain(`<meta property="og:image" content="${PUBLIC}/join/${token}/preview.png">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');

    const first = await fetch(`${h.app.url}/join/${token}/preview.png`);
    const again = await fetch(`${h.app.url}/join/${token}/preview.png`);
    expect([first.headers.get('x-preview-cache'), again.headers.get('x-preview-cache')]).toEqual([
      'miss',
      'hit',
    ]);
    const image = PNG.sync.read(Buffer.from(await again.arrayBuffer()));
    expect([image.width, image.height]).toEqual([1200, 630]);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
      `${PUBLIC}/join/${token}`,
    );
    if (process.env.CONVENE_SCREENSHOTS) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.CONVENE_SCREENSHOTS}/preview.png`, PNG.sync.write(image));
    }
  });

  test('when the page is asked for JSON, then it has the facts the page shows and never a member’s name', async () => {
    // Widened to anyone, so that the page offers all three ways.
    const { group, token } = await groupWithLink({ maxUses: 10, organisationAccountsOnly: false });
    await addMembersByPhone(
      h.app.ctx,
      { groupId: group.id, phones: ['+14155550142'], region: 'US', role: 'member', source: 'manual' },
      admin,
    );
    await h.app.ctx.uow.run(async (repos) => {
      const person = await repos.people.findByPhone('+14155550142');
      await repos.people.update(person!.id, { displayName: 'Secret Sam' });
    });
    const answer = await fetch(`${h.app.url}/join/${token}`, { headers: { accept: 'application/json' } });
    const text = await answer.text();
    expect(answer.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      status: 'active',
      group: { name: group.name, parentName: null, memberCount: 2 },
      organisation: { name: 'Contoso' },
      sharedBy: 'Asha Admin',
      usesLeft: 10,
      organisationAccountsOnly: false,
      ways: {
        signIn: `${PUBLIC}/join/${token}/sign-in`,
        openInTeams: expect.stringContaining(`users=28%3A${CLIENT_ID}&message=join%20`),
        askToJoin: `${PUBLIC}/join/${token}/requests`,
      },
    });
    expect(text).not.toContain('Secret Sam');
    expect(text).not.toContain('+14155550142');
    expect(text).not.toContain(HOME_TENANT);
  });

  test('when someone cancels at Microsoft’s sign-in page, then they are told so in words and nothing is joined', async () => {
    const { group, token } = await groupWithLink();
    const { cookie, authorize } = await startSignIn(token);
    const back = `${h.app.url}/join/callback?error=access_denied&state=${authorize.searchParams.get('state')}`;
    const page = await fetch(back, { headers: { cookie } });
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('Sign-in was cancelled. You can try again, open Teams, or ask to join instead.');
    expect(html).toContain(`href="/join/${token}"`);
    expect(await members(group.id)).toHaveLength(1);
  });

  test('when a group’s name holds markup, then the page shows it as text', async () => {
    const group = await createGroup(
      h.app.ctx,
      { name: '<img src=x onerror=alert(1)> "Night" & co', organisationId },
      admin,
    );
    const { token } = await createInviteLink(h.app.ctx, { groupId: group.id }, admin);
    const page = await fetch(`${h.app.url}/join/${token}`);
    const html = await page.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Join &lt;img src=x onerror=alert(1)&gt; &quot;Night&quot; &amp; co');
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'/,
    );
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${ENTRA};`);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
  });

  test('when someone tries the developer sign-in in tenant mode, then there is none', async () => {
    const page = await fetch(
      `${h.app.url}/join/developer-sign-in?redirect_uri=${encodeURIComponent(`${PUBLIC}/join/callback`)}&state=s&nonce=n&code_challenge=c`,
    );
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('Developer sign-in');
    const answer = await fetch(`${h.app.url}/join/developer-sign-in`, {
      method: 'POST',
      headers: { origin: PUBLIC, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Mallory&phone=%2B14155550100&state=s&nonce=n&code_challenge=c',
      redirect: 'manual',
    });
    expect([404, 405]).toContain(answer.status);
    expect(answer.headers.get('location')).toBeNull();
  });

  test('when the group has its team, then “You’re in” opens the team', async () => {
    const { group, token } = await groupWithLink();
    const teamUrl =
      'https://teams.microsoft.com/l/team/19%3Adepot%40thread.tacv2/conversations?groupId=g&tenantId=t';
    const at = new Date().toISOString();
    await h.app.ctx.uow.run((repos) =>
      repos.groupProvisioning.save({
        groupId: group.id,
        jobId: 'job-for-the-team',
        state: 'provisioned',
        target: 'tenant',
        entraGroupId: 'entra-group',
        teamId: 'team',
        teamUrl,
        membersAdded: 1,
        lastError: null,
        failureReason: null,
        requestedAt: at,
        updatedAt: at,
      }),
    );
    const { cookie, authorize } = await startSignIn(token);
    const answer = await callback(
      await signInAtEntra(authorize, contosoUser('team-oid', 'Tomas Team')),
      cookie,
    );
    const welcome = await fetch(`${h.app.url}${answer.location}`, {
      headers: { cookie: answer.cookies.map((c) => c.split(';')[0]).join('; ') },
    });
    const html = await welcome.text();
    expect(html).toContain(`You’re in ${group.name}`);
    expect(html).toContain(
      `<a class="button" href="${teamUrl.replace(/&/g, '&amp;')}" rel="noopener">Open in Teams</a>`,
    );
  });
});
