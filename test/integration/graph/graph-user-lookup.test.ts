import type { DirectoryQuery } from '../../../src/domain/directory/directory.port';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { GraphServer } from '../../fakes/graph-server';

const TENANT = '11111111-1111-1111-1111-111111111111';
const phone = (i: number) => `+9198${String(100_000_000 + i).slice(1)}`;
const query = (key: string, known: Partial<DirectoryQuery>): DirectoryQuery => ({
  key,
  phone: null,
  email: null,
  employeeId: null,
  ...known,
});

describe('finding the accounts people already have, over the wire', () => {
  let graph: GraphServer;
  let clients: GraphClients;
  let directory: GraphDirectory;
  beforeEach(async () => {
    graph = new GraphServer();
    await graph.start();
    clients = new GraphClients(async () => 'graph-token-for-app', {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
    });
    directory = new GraphDirectory(clients, {
      defaultRegion: 'IN',
      botServiceUrl: 'https://smba.trafficmanager.net/in/',
      throttleDefaultMs: 5,
    });
  });
  afterEach(() => graph.stop());

  test('when people are known by a mobile, a business phone written another way, an e-mail or an employee id, then each is matched to their account by that field in one batch', async () => {
    const [mobile, business, byMail, byUpn, byEmployeeId, stranger] = graph.addUsers(6, (i) => ({
      displayName: `User ${i}`,
    }));
    mobile!.mobilePhone = phone(1);
    business!.businessPhones = ['+91 98000 00002'];
    byMail!.mail = 'asha.rao@contoso.example';
    byUpn!.mail = null;
    byEmployeeId!.employeeId = 'E-1042';
    stranger!.mobilePhone = phone(9);

    const found = await directory.findPeople(TENANT, [
      query('p-mobile', { phone: phone(1) }),
      query('p-business', { phone: phone(2) }),
      query('p-mail', { email: 'asha.rao@contoso.example' }),
      query('p-upn', { email: byUpn!.userPrincipalName.toUpperCase() }),
      query('p-employee', { employeeId: 'e-1042', phone: phone(5) }),
      query('p-nobody', { phone: phone(7), email: 'nobody@contoso.example', employeeId: 'X-1' }),
    ]);

    const matched = Object.fromEntries([...found].map(([key, m]) => [key, [m.user.aadObjectId, m.field]]));
    expect(matched).toEqual({
      'p-mobile': [mobile!.id, 'mobilePhone'],
      'p-business': [business!.id, 'businessPhones'],
      'p-mail': [byMail!.id, 'mail'],
      'p-upn': [byUpn!.id, 'userPrincipalName'],
      'p-employee': [byEmployeeId!.id, 'employeeId'],
    });
    expect(found.get('p-upn')!.user.userPrincipalName).toBe(byUpn!.userPrincipalName);

    // One $batch: mobile, business (advanced), mail, sign-in name, employee id (advanced).
    const requests = graph.graphRequests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch']);
    const subs = requests[0]!.subRequests!;
    const filters = subs.map((s) => new URLSearchParams(s.url.split('?')[1]).get('$filter'));
    expect(filters).toEqual([
      `mobilePhone in ('${phone(1)}','+91 98000 00001','${phone(2)}','+91 98000 00002','${phone(5)}','+91 98000 00005','${phone(7)}','+91 98000 00007')`,
      `businessPhones/any(p:p in ('${phone(1)}','+91 98000 00001','${phone(2)}','+91 98000 00002','${phone(5)}','+91 98000 00005','${phone(7)}','+91 98000 00007'))`,
      `mail in ('asha.rao@contoso.example','${byUpn!.userPrincipalName}','nobody@contoso.example')`,
      `userPrincipalName in ('asha.rao@contoso.example','${byUpn!.userPrincipalName}','nobody@contoso.example')`,
      `employeeId in ('e-1042','X-1')`,
    ]);
    const advanced = subs.filter((s) => s.headers?.ConsistencyLevel === 'eventual');
    expect(advanced.map((s) => new URLSearchParams(s.url.split('?')[1]).get('$count'))).toEqual([
      'true',
      'true',
    ]);
    expect(subs.every((s) => s.status === 200)).toBe(true);
  });

  test('when one business number is every desk phone of a site, then nobody is linked through it, and a better field still decides', async () => {
    graph.addUsers(3, () => ({ businessPhones: ['+91 98000 00100'] }));
    const [own] = graph.addUsers(1, () => ({ businessPhones: ['+91 98000 00100'], employeeId: 'E-7' }));
    const found = await directory.findPeople(TENANT, [
      query('switchboard', { phone: phone(100) }),
      query('with-id', { phone: phone(100), employeeId: 'E-7' }),
    ]);
    expect(found.has('switchboard')).toBe(false);
    expect(found.get('with-id')).toMatchObject({ field: 'employeeId', user: { aadObjectId: own!.id } });
  });

  test('when the list is large next to the tenant, then paging matches e-mail, employee id and business phones too', async () => {
    const users = graph.addUsers(40, (i) => ({
      businessPhones: [`098${String(100_000_000 + i).slice(1)}`],
      employeeId: `E-${i}`,
    }));
    // 300 people known by one identifier each: 51 filters (3 batches) against 1 page of users.
    const queries = Array.from({ length: 300 }, (_, i) =>
      query(
        `p${i}`,
        i % 3 === 0
          ? { email: `user${i}@contoso.example` }
          : i % 3 === 1
            ? { employeeId: `e-${i}` }
            : { phone: phone(i) },
      ),
    );
    const found = await directory.findPeople(TENANT, queries);
    expect(graph.graphRequests().map((r) => r.path.split('?')[0])).toEqual([
      '/v1.0/users/$count',
      '/v1.0/users',
    ]);
    expect(found.size).toBe(40);
    const field = (i: number) => [found.get(`p${i}`)?.field, found.get(`p${i}`)?.user.aadObjectId];
    expect(field(3)).toEqual(['userPrincipalName', users[3]!.id]);
    expect(field(4)).toEqual(['employeeId', users[4]!.id]);
    // Stored as dialled in India (098…), read to E.164 before comparing.
    expect(field(5)).toEqual(['businessPhones', users[5]!.id]);
  });

  test('when the business phone lambda comes without the advanced query parameters, or an in list holds 16 values, then the loopback Graph refuses it as Graph does', async () => {
    const client = clients.forTenant(TENANT);
    const lambda = encodeURIComponent(`businessPhones/any(p:p in ('${phone(1)}'))`);
    await expect(client.api(`/users?$filter=${lambda}`).get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message:
        "Unsupported or invalid query filter clause specified for property 'businessPhones' of resource 'User'.",
    });
    await expect(client.api(`/users?$filter=${lambda}&$count=true`).get()).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      client.api(`/users?$filter=${lambda}&$count=true`).header('ConsistencyLevel', 'eventual').get(),
    ).resolves.toMatchObject({ '@odata.count': 0, value: [] });
    const sixteen = Array.from({ length: 16 }, (_, i) => `'${phone(i)}'`).join(',');
    await expect(
      client.api(`/users?$filter=${encodeURIComponent(`mobilePhone in (${sixteen})`)}`).get(),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
