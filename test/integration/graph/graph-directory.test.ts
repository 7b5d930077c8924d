import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { mailNicknameFor } from '../../../src/infra/graph/mail-nickname';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';

const TENANT = '11111111-1111-1111-1111-111111111111';
const phone = (i: number) => `+9198${String(100_000_000 + i).slice(1)}`;

describe('Microsoft Graph directory over the wire', () => {
  let graph: GraphServer;
  let entra: EntraApp;
  let directory: GraphDirectory;
  beforeEach(async () => {
    graph = new GraphServer();
    await graph.start();
    entra = new EntraApp({
      clientId: 'client-id',
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    const clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      networkRetryDelayMs: 5,
    });
    directory = new GraphDirectory(clients, {
      defaultRegion: 'IN',
      botServiceUrl: 'https://smba.trafficmanager.net/in/',
      teamsAppCatalogId: 'catalog-app-1',
      replicationDelayMs: 5,
      throttleDefaultMs: 5,
    });
  });
  afterEach(() => graph.stop());

  test('when an org admin names a colleague by e-mail, then one filtered request finds their account (or nobody)', async () => {
    graph.addUsers(3, () => ({}));
    const colleague = graph.users[1]!;
    await expect(
      directory.findUserByAccount(TENANT, colleague.userPrincipalName.toUpperCase()),
    ).resolves.toEqual({
      tenantId: TENANT,
      aadObjectId: colleague.id,
      displayName: colleague.displayName,
      userPrincipalName: colleague.userPrincipalName,
    });
    await expect(directory.findUserByAccount(TENANT, "o'brien@nowhere.example")).resolves.toBeUndefined();
    const urls = graph.graphRequests().map((r) => decodeURIComponent(r.path));
    expect(urls).toContainEqual(
      expect.stringContaining(
        `userPrincipalName eq '${colleague.userPrincipalName.toUpperCase()}' or mail eq`,
      ),
    );
    expect(urls).toContainEqual(expect.stringContaining("userPrincipalName eq 'o''brien@nowhere.example'"));
  });

  test('when 140 numbers are looked up in a large tenant, then 2 batches of 20 filters (mobile, then business phones as an advanced query) with 7 numbers spelt two ways are sent with an app token', async () => {
    graph.addUsers(3000, (i) => ({ mobilePhone: i < 100 ? phone(i) : null }));
    const wanted = Array.from({ length: 140 }, (_, i) => phone(i));
    const found = await directory.findUsersByPhone(TENANT, wanted);

    expect(found.size).toBe(100);
    expect(found.get(phone(7))).toMatchObject({
      tenantId: TENANT,
      aadObjectId: graph.users[7]!.id,
      displayName: 'User 7',
    });
    const requests = graph.graphRequests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
    expect(requests.map((r) => r.subRequests!.length)).toEqual([20, 20]);
    const subs = requests.flatMap((r) => r.subRequests!);
    const urls = subs.map((sub) => decodeURIComponent(sub.url));
    expect(urls[0]).toMatch(
      /^\/users\?\$filter=mobilePhone in \('\+919800000000','\+91 98000 00000','\+919800000001',.*\)&\$select=id,mobilePhone/,
    );
    expect(urls.every((url) => url.match(/'\+91/g)!.length === 14)).toBe(true);
    // Business phones: the lambda needs Graph's advanced query parameters on every request.
    const business = subs.filter((sub) =>
      decodeURIComponent(sub.url).includes('businessPhones/any(p:p in ('),
    );
    expect(business).toHaveLength(20);
    expect(business.every((sub) => sub.url.includes('$count=true'))).toBe(true);
    expect(business.every((sub) => sub.headers?.ConsistencyLevel === 'eventual')).toBe(true);
    expect(business.every((sub) => sub.status === 200)).toBe(true);
    expect(requests.every((r) => r.authorization === 'Bearer graph-token-for-app')).toBe(true);
    // One ConfidentialClientApplication, its cache reused: one token for all requests.
    expect(graph.tokenRequests).toEqual([
      {
        tenant: TENANT,
        grantType: 'client_credentials',
        scope: expect.stringContaining(GRAPH_DEFAULT_SCOPE),
      },
    ]);
  });

  test('when sub-requests inside a batch are throttled, then only those are re-sent together after the largest Retry-After', async () => {
    graph.addUsers(70, (i) => ({ mobilePhone: phone(i) }));
    graph.throttleSubRequest = (_url, n) => (n === 3 ? 1 : n === 9 ? 0 : undefined);
    const started = Date.now();
    const found = await directory.findUsersByPhone(
      TENANT,
      Array.from({ length: 70 }, (_, i) => phone(i)),
    );
    expect(found.size).toBe(70);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const batches = graph.graphRequests();
    expect(batches.map((b) => b.subRequests!.length)).toEqual([20, 2]);
    expect(batches[1]!.subRequests!.map((s) => s.url)).toEqual([
      batches[0]!.subRequests![2]!.url,
      batches[0]!.subRequests![8]!.url,
    ]);
  });

  test('when the whole request is throttled or Graph is briefly unavailable, then the client retries it', async () => {
    graph.addUsers(10, (i) => ({ mobilePhone: phone(i) }));
    graph.failNext.push({ status: 429, retryAfter: 0 }, { status: 503, retryAfter: 0 });
    const found = await directory.findUsersByPhone(TENANT, [phone(1), phone(2)]);
    expect(found.size).toBe(2);
    expect(graph.graphRequests()).toHaveLength(3);
  });

  test('when the connection drops before Graph answers a lookup, then the lookup is sent again', async () => {
    graph.addUsers(10, (i) => ({ mobilePhone: phone(i) }));
    graph.resetNext = 2;
    const found = await directory.findUsersByPhone(TENANT, [phone(1), phone(2)]);
    expect(found.size).toBe(2);
    expect(graph.graphRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1.0/$batch',
      'POST /v1.0/$batch',
      'POST /v1.0/$batch',
    ]);
  });

  test('when the connection keeps dropping, or drops under a write, then the error reaches the caller', async () => {
    const client = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      networkRetryDelayMs: 0,
    }).forTenant(TENANT);
    // No answer at all: the client's GraphError carries no HTTP status (-1).
    const noAnswer = { statusCode: -1 };
    graph.resetNext = 3;
    await expect(client.api('/users?$top=1').get()).rejects.toMatchObject(noAnswer);
    expect(graph.graphRequests()).toHaveLength(3);

    // A write may have reached Graph before the drop: it is not sent again blindly.
    graph.log.length = 0;
    graph.resetNext = 1;
    await expect(client.api('/groups/g1').patch({ displayName: 'Renamed' })).rejects.toMatchObject(noAnswer);
    graph.resetNext = 1;
    const batch = { requests: [{ id: '1', method: 'PATCH', url: '/groups/g1', body: {} }] };
    await expect(client.api('/$batch').post(batch)).rejects.toMatchObject(noAnswer);
    expect(graph.graphRequests().map((r) => r.method)).toEqual(['PATCH', 'POST']);
  });

  test('when the list is large next to the tenant, then all users are paged 999 at a time and matched after E.164 normalisation', async () => {
    // 2,500 users, numbers stored the way people type them, some only as business phones.
    graph.addUsers(2500, (i) =>
      i % 2 === 0
        ? { mobilePhone: `+91 98${String(100_000_000 + i).slice(1, 4)} ${String(100_000_000 + i).slice(4)}` }
        : { businessPhones: [`098${String(100_000_000 + i).slice(1)}`] },
    );
    const wanted = Array.from({ length: 2000 }, (_, i) => phone(i));
    const found = await directory.findUsersByPhone(TENANT, wanted);
    expect(found.size).toBe(2000);
    expect(found.get(phone(1))!.aadObjectId).toBe(graph.users[1]!.id);
    const requests = graph.graphRequests().map((r) => r.path.split('?')[0]);
    // $count, then 3 pages, against 7 batches the filter strategy would need.
    expect(requests).toEqual(['/v1.0/users/$count', '/v1.0/users', '/v1.0/users', '/v1.0/users']);
    expect(decodeURIComponent(graph.graphRequests()[1]!.path)).toContain('$top=999');
  });

  test('when a group is provisioned, then it is created once with a safe nickname, members go in 20 at a time and it becomes a team despite replication delays', async () => {
    const people = graph.addUsers(95, () => ({}));
    graph.replicationDelays = { create: 1, members: 1, team: 2 };
    const spec = {
      tenantId: TENANT,
      groupId: 'a1b2c3d4-0000-4000-8000-000000000001',
      name: 'Contoso – Sales (East) "Ünïcode" @HQ',
      description: 'Moved from WhatsApp with Convene',
      ownerIds: people.slice(0, 2).map((u) => u.id),
      memberIds: people.slice(2).map((u) => u.id),
      existingGroupId: null,
      existingTeamId: null,
    };
    const result = await directory.provisionGroup(spec);

    expect(result.membersAdded).toBe(95);
    const group = graph.groups.get(result.entraGroupId)!;
    expect(group.mailNickname).toBe('convene-contoso-sales-east-unicode-hq-a1b2c3d4');
    expect(group.owners).toEqual(new Set(spec.ownerIds));
    expect(group.members.size).toBe(95);
    expect(group.team).toBe(true);
    const patches = graph
      .graphRequests()
      .flatMap((r) => r.subRequests ?? [])
      .filter((s) => s.method === 'PATCH');
    // 5 chunks of ≤ 20; the first round hit a replication delay once.
    expect(patches.filter((p) => p.status === 204)).toHaveLength(5);

    // Running it again (a retried job) finds the same group by nickname and adds nobody twice.
    graph.log.length = 0;
    const again = await directory.provisionGroup(spec);
    expect(again.entraGroupId).toBe(result.entraGroupId);
    expect(graph.groups.size).toBe(1);
    expect(group.members.size).toBe(95);
    expect(graph.graphRequests().some((r) => r.method === 'POST' && r.path === '/v1.0/groups')).toBe(false);
  });

  test('when a card must reach someone who never opened the bot, then the app is installed for them and their chat is found', async () => {
    const [user] = graph.addUsers(1, () => ({}));
    const address = await directory.reachUser(TENANT, user!.id);
    expect(address).toEqual({
      serviceUrl: 'https://smba.trafficmanager.net/in/',
      conversationId: `19:${user!.id}_bot@unq.gbl.spaces`,
    });
    // Installed already: 409 is fine.
    await expect(directory.reachUser(TENANT, user!.id)).resolves.toEqual(address);
    await expect(directory.reachUser(TENANT, 'no-such-user')).resolves.toBeUndefined();
  });

  test('when Graph is called as the signed-in user, then their SSO token is exchanged On-Behalf-Of', async () => {
    await expect(entra.userToken('sso-token-of-asha', ['User.Read'], TENANT)).resolves.toBe(
      'graph-token-for-user',
    );
    expect(graph.tokenRequests).toEqual([
      {
        tenant: TENANT,
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        scope: expect.stringContaining('User.Read'),
      },
    ]);
  });

  test.each([
    ['Sales', 'x1', 'convene-sales-x1'],
    ['  ', 'abcdef123456', 'convene-abcdef12'],
    ['ग्रुप', 'abcdef12', 'convene-abcdef12'],
    ['a'.repeat(100), 'abcdef12', `convene-${'a'.repeat(47)}-abcdef12`],
  ])('when a group is called %j, then its mail nickname is %s', (name, id, nickname) => {
    expect(mailNicknameFor(name, id)).toBe(nickname);
    expect(nickname.length).toBeLessThanOrEqual(64);
  });
});
