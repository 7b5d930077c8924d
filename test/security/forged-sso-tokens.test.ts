import { randomUUID } from 'node:crypto';
import { GLOBAL_ADMINISTRATOR_ROLE } from '../../src/server/auth/org-admin-claims';
import { APP_ID_URI, HOME_TENANT, unsignedToken } from '../integration/sso/sso-tokens';
import { healthAnswerMs } from '../support/health-probe';
import { postgresAvailable } from '../support/postgres';
import { tenantServerWithSso } from '../support/tenant-harness';

const run = postgresAvailable() ? describe : describe.skip;

run('tenant mode: a forged sign-in token claiming Global Administrator makes nobody an org admin', () => {
  const { issuer, harness } = tenantServerWithSso();

  const admin = { wids: [GLOBAL_ADMINISTRATOR_ROLE], scp: 'access_as_user' };

  /** Everything Convene recorded about people and org admins. */
  const recorded = async () => {
    const db = harness().app.storage.db;
    const count = async (table: 'people' | 'organisations' | 'organisation_admin_claims') =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      people: await count('people'),
      organisations: await count('organisations'),
      claims: await count('organisation_admin_claims'),
    };
  };

  test.each([
    [
      'an unsigned token (alg none)',
      async () =>
        unsignedToken({
          ...admin,
          aud: APP_ID_URI,
          tid: HOME_TENANT,
          oid: randomUUID(),
          iss: `https://login.microsoftonline.com/${HOME_TENANT}/v2.0`,
        }),
    ],
    [
      'a token signed with another key',
      () => issuer.token({ ...admin, oid: randomUUID() }, { signWith: 'stranger' }),
    ],
    ['a token for another app', () => issuer.token({ ...admin, oid: randomUUID(), aud: 'api://evil/1' })],
    [
      'an expired token',
      () => issuer.token({ ...admin, oid: randomUUID() }, { expiresIn: Math.floor(Date.now() / 1000) - 600 }),
    ],
    [
      'a token from another issuer',
      () => issuer.token({ ...admin, oid: randomUUID(), iss: 'https://evil.example/v2.0' }),
    ],
    [
      'a token of a tenant not allowed',
      () => issuer.token({ ...admin, oid: randomUUID(), tid: randomUUID() }),
    ],
  ])('when the tab API gets %s, then 401 and nothing about anyone is recorded', async (_what, forge) => {
    const before = await recorded();
    for (const path of ['/api/v1/me', '/api/v1/portal/org-admins']) {
      const response = await fetch(`${harness().app.url}${path}`, {
        headers: { authorization: `Bearer ${await forge()}` },
      });
      expect(response.status).toBe(401);
    }
    expect(await recorded()).toEqual(before);
    expect(await healthAnswerMs(harness().app.url)).toBeLessThan(200);
  });

  test('when the same claims come in a genuine token, then the person is an org admin (the forgeries above were refused for their forgery)', async () => {
    const token = await issuer.token({ ...admin, oid: randomUUID() });
    const response = await fetch(`${harness().app.url}/api/v1/portal/org-admins`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect((await recorded()).claims).toBe(1);
  });
});
