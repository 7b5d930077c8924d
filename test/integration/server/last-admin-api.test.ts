import { type AppHarness, type Dialect, startHarness } from '../../support/app-harness';
import { postgresAvailable } from '../../support/postgres';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  const run = dialect === 'sqlite' || postgresAvailable() ? describe : describe.skip;
  run(`the last admin over HTTP [${dialect}]`, () => {
    let h: AppHarness;
    const call = async (
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${h.app.url}${url}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    beforeAll(async () => {
      h = await startHarness({ DEFAULT_REGION: 'IN' }, { dialect });
    });
    afterAll(() => h.close());

    test('when both admins step down at the same moment, then one of them stays admin and the other hears LAST_ADMIN', async () => {
      const ben = as('admin-ben', 'Ben');
      const group = (await call('POST', '/api/v1/groups', { name: 'Night shift', personal: true })).body
        .group;
      const link = await call('POST', `/api/v1/groups/${group.id}/invite-links`, {});
      expect((await call('POST', '/api/v1/invites/redeem', { token: link.body.url }, ben)).status).toBe(200);
      const me = (await call('GET', '/api/v1/me')).body.personId;
      const benId = (await call('GET', '/api/v1/me', undefined, ben)).body.personId;
      const role = (personId: string) => `/api/v1/groups/${group.id}/members/${personId}/role`;
      for (let round = 0; round < 8; round++) {
        // Both are admins before each round: whoever still is one promotes the other.
        for (const by of [undefined, ben]) {
          for (const personId of [me, benId]) await call('PUT', role(personId), { role: 'admin' }, by);
        }
        const answers = await Promise.all([
          call('PUT', role(me), { role: 'member' }),
          call('PUT', role(benId), { role: 'member' }, ben),
        ]);
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('LAST_ADMIN');
        const left = (await call('GET', `/api/v1/groups/${group.id}/members`, undefined, ben)).body.members;
        expect(left.filter((m: { role: string }) => m.role === 'admin')).toHaveLength(1);
      }
    }, 60_000);
  });
}
