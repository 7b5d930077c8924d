import { randomUUID } from 'node:crypto';
import { GLOBAL_ADMINISTRATOR_ROLE } from '../../../src/server/auth/org-admin-claims';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { type AppHarness, startHarness } from '../../support/app-harness';
import { postgresAvailable } from '../../support/postgres';
import { APP_ID_URI, CLIENT_ID, HOME_TENANT, SsoTokenIssuer } from '../sso/sso-tokens';

const run = postgresAvailable() ? describe : describe.skip;
// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
type Answer = { status: number; body: any };
const BASE = '/api/v1/portal/account-creation';

run('tenant mode: org admins create accounts through Graph over HTTP', () => {
  let issuer: SsoTokenIssuer;
  let graph: GraphServer;
  let h: AppHarness;
  let licenceGroupId: string;

  beforeAll(async () => {
    issuer = new SsoTokenIssuer();
    await issuer.start();
    graph = new GraphServer();
    await graph.start();
    licenceGroupId = graph.accounts.addGroup('Frontline F3 licence').id;
    h = await startHarness(
      {
        CONVENE_MODE: 'tenant',
        MICROSOFT_APP_ID: CLIENT_ID,
        MICROSOFT_APP_PASSWORD: 'bot-secret-for-the-loopback-entra-0001',
        MICROSOFT_APP_TENANT_ID: HOME_TENANT,
        AAD_APP_ID_URI: APP_ID_URI,
        AAD_JWKS_URL: issuer.jwksUrl,
        GRAPH_BASE_URL: graph.url,
        PUBLIC_BASE_URL: 'https://convene.contoso.test',
        DEFAULT_REGION: 'IN',
      },
      { dialect: 'postgres', entraNetworkClient: loopbackNetworkClient(graph) },
    );
  });
  afterAll(async () => {
    await h?.close();
    await graph?.stop();
    await issuer?.stop();
  });

  function caller(name: string, claims: Record<string, unknown> = {}, oid = randomUUID()) {
    return async (method: string, url: string, body?: unknown): Promise<Answer> => {
      const token = await issuer.token({
        oid,
        name,
        upn: `${name.toLowerCase()}@contoso.example`,
        tid: HOME_TENANT,
        ...claims,
      });
      const response = await fetch(`${h.app.url}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
  }
  const admin = caller('Ira', { wids: [GLOBAL_ADMINISTRATOR_ROLE] });
  const settings = {
    enabled: true,
    upnPattern: '{first}.{last}',
    domain: 'contoso.example',
    licenceGroupId: '',
    usageLocationFallback: 'IN',
  };

  test('when creation is off, then the org admin sees what it needs and a dry run is refused with a clear error', async () => {
    const view = await admin('GET', `${BASE}/settings`);
    expect(view.status).toBe(200);
    expect(view.body.settings.enabled).toBe(false);
    expect(view.body.graphPermissions.map((p: { permission: string }) => p.permission)).toEqual([
      'User.ReadWrite.All',
      'UserAuthenticationMethod.ReadWrite.All',
      'GroupMember.ReadWrite.All',
      'Domain.Read.All',
    ]);
    const refused = await admin('POST', `${BASE}/dry-run`, { all: true });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'ACCOUNT_CREATION_OFF' } } });
    expect(graph.accounts.created).toEqual([]);
  });

  test('when the org admin saves and checks the settings, then Graph confirms the domain, the group and the SMS policy', async () => {
    const saved = await admin('PUT', `${BASE}/settings`, { ...settings, licenceGroupId });
    expect(saved.status).toBe(200);
    const checked = await admin('POST', `${BASE}/check`);
    const state = Object.fromEntries(
      checked.body.checks.map((c: { id: string; state: string }) => [c.id, c.state]),
    );
    expect(state).toMatchObject({
      domain: 'ok',
      'licence-group': 'ok',
      'sms-sign-in-policy': 'ok',
      // The loopback's token is no JWT: the permissions are left for the admin to confirm in Entra.
      'permission:User.ReadWrite.All': 'unknown',
    });
    graph.accounts.smsPolicy = { state: 'disabled', includeTargets: [] };
    const again = await admin('POST', `${BASE}/check`);
    expect(again.body.checks.find((c: { id: string }) => c.id === 'sms-sign-in-policy').state).toBe(
      'missing',
    );
    expect(again.body.ready).toBe(false);
    graph.accounts.smsPolicy = {
      state: 'enabled',
      includeTargets: [{ id: 'all_users', isUsableForSignIn: true }],
    };
    const wrongDomain = await admin('PUT', `${BASE}/settings`, { ...settings, domain: 'fabrikam.example' });
    expect(wrongDomain).toMatchObject({
      status: 400,
      body: { error: { code: 'ACCOUNT_CREATION_DOMAIN_NOT_VERIFIED' } },
    });
  });

  test('when a champ tries, then every account creation route answers 403 and nothing is created', async () => {
    const oid = randomUUID();
    const champ = caller('Chandra', {}, oid);
    // Chandra is a champ of one of the organisation's groups.
    const group = await admin('POST', '/api/v1/groups', { name: 'Stores' });
    await champ('GET', '/api/v1/me');
    await h.app.ctx.uow.run(async (repos) => {
      const person = await repos.people.findByAadObjectId(HOME_TENANT, oid);
      await repos.roles.addChamp(group.body.group.id, person!.id);
    });
    for (const [method, url, body] of [
      ['GET', `${BASE}/settings`, undefined],
      ['PUT', `${BASE}/settings`, settings],
      ['POST', `${BASE}/check`, undefined],
      ['POST', `${BASE}/dry-run`, { all: true }],
      ['POST', `${BASE}/jobs`, { all: true }],
    ] as const) {
      const answer = await champ(method, url, body);
      expect(answer).toMatchObject({ status: 403, body: { error: { code: 'NOT_ALLOWED' } } });
    }
    expect(graph.accounts.created).toEqual([]);
  });

  test('when Graph throttles writes and fails one, then the job honours Retry-After, tries again and creates each account once', async () => {
    const group = await admin('POST', '/api/v1/groups', { name: 'Yard crew' });
    const phones = ['+919988551001', '+919988551002', '+919988551003'];
    await admin('POST', `/api/v1/groups/${group.body.group.id}/members`, { phones, region: 'IN' });
    await h.app.ctx.uow.run(async (repos) => {
      for (const [i, name] of ['Kiran Das', 'Sunil Roy', 'Divya Nair'].entries())
        await repos.people.update((await repos.people.findByPhone(phones[i]!))!.id, { displayName: name });
    });
    // Five writes a second: the phone methods and SMS sign-in wait for the quota (429 with Retry-After).
    graph.accounts.writeLimit = { writes: 5, windowMs: 1000 };
    // And the first batch of creations fails whole with a 503 the job outlasts.
    graph.accounts.failNextWrites = 1;
    const started = await admin('POST', `${BASE}/jobs`, { all: true });
    expect(started).toMatchObject({ status: 202, body: { people: 3, skipped: 0 } });
    let report: Answer = await admin('GET', `${BASE}/jobs/${started.body.jobId}`);
    for (let i = 0; i < 150 && !['succeeded', 'failed'].includes(report.body.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      report = await admin('GET', `${BASE}/jobs/${started.body.jobId}`);
    }
    expect(report.body).toMatchObject({ status: 'succeeded', counts: { created: 3, partial: 0, failed: 0 } });
    expect(graph.accounts.throttledWrites).toBeGreaterThan(0);
    expect(graph.accounts.created.sort()).toEqual([
      'divya.nair@contoso.example',
      'kiran.das@contoso.example',
      'sunil.roy@contoso.example',
    ]);
    expect(graph.groups.get(licenceGroupId)!.members.size).toBe(3);
    const kiran = await h.app.ctx.uow.read((repos) => repos.people.findByPhone(phones[0]!));
    expect(kiran).toMatchObject({ tenantId: HOME_TENANT, userPrincipalName: 'kiran.das@contoso.example' });
  }, 60_000);
});
