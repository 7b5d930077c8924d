import { randomUUID } from 'node:crypto';
import {
  GLOBAL_ADMINISTRATOR_ROLE,
  TEAMS_ADMINISTRATOR_ROLE,
} from '../../../src/server/auth/org-admin-claims';
import { postgresAvailable } from '../../support/postgres';
import { tenantServerWithSso } from '../../support/tenant-harness';
import { HOME_TENANT } from '../sso/sso-tokens';

const ORG_ADMIN_GROUP = 'a0a0a0a0-0000-4000-8000-0000000000ad';
const run = postgresAvailable() ? describe : describe.skip;

/** A person of the home tenant, calling the API with Teams SSO tokens carrying the claims given. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
type Answer = { status: number; body: any };
interface Caller {
  oid: string;
  name: string;
  call(method: string, url: string, claims?: Record<string, unknown>, body?: unknown): Promise<Answer>;
}

run('tenant mode: org admins come from Entra, and org admins name others in the portal', () => {
  const { issuer, harness } = tenantServerWithSso({
    ORG_ADMIN_GROUP_ID: ORG_ADMIN_GROUP,
    // Tests that count admins get a tenant (an organisation) of their own.
    AAD_ALLOWED_TENANTS: '*',
  });

  function person(name: string, tid = HOME_TENANT): Caller {
    const oid = randomUUID();
    return {
      oid,
      name,
      async call(method, url, claims = {}, body) {
        const token = await issuer.token({
          oid,
          name,
          upn: `${name.split(' ')[0]!.toLowerCase()}@contoso.com`,
          tid,
          ...claims,
        });
        const response = await fetch(`${harness().app.url}${url}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
      },
    };
  }

  const admins = (panel: { admins: Array<{ name: string; reasons: Array<{ words: string }> }> }) =>
    Object.fromEntries(panel.admins.map((a) => [a.name, a.reasons.map((r) => r.words)]));

  const auditActions = async () =>
    (
      await harness()
        .app.storage.db.selectFrom('audit_entries')
        .select('action')
        .where('action', 'like', 'organisation.admin%')
        .orderBy('at')
        .execute()
    ).map((row) => row.action);

  test.each([
    [
      'a Global Administrator (wids)',
      { wids: [GLOBAL_ADMINISTRATOR_ROLE] },
      'Global Administrator in Microsoft Entra',
    ],
    [
      'a Teams Administrator (wids)',
      { wids: [TEAMS_ADMINISTRATOR_ROLE] },
      'Teams Administrator in Microsoft Entra',
    ],
    [
      'holder of the Convene.OrgAdmin app role (roles)',
      { roles: ['Convene.OrgAdmin'] },
      'Convene.OrgAdmin app role in Microsoft Entra',
    ],
    [
      'a member of the configured group (groups)',
      { groups: [randomUUID(), ORG_ADMIN_GROUP] },
      'Member of the org admins group in Microsoft Entra',
    ],
  ])('when %s signs in, then they are an org admin and the panel says why', async (_who, claims, why) => {
    const someone = person(`Admin ${randomUUID().slice(0, 4)}`);
    const me = await someone.call('GET', '/api/v1/me', claims);
    expect(me.body).toMatchObject({ isOrgAdmin: true, organisation: { displayName: 'contoso.com' } });
    const panel = await someone.call('GET', '/api/v1/portal/org-admins', claims);
    expect(panel.status).toBe(200);
    const mine = panel.body.admins.find((a: { personId: string }) => a.personId === me.body.personId);
    expect(mine).toMatchObject({
      you: true,
      removable: false,
      reasons: [{ managedIn: 'entra', words: why }],
    });
  });

  test.each([
    ['no admin claims', {}],
    ['a directory role that is not an admin one', { wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }],
    ['another app role', { roles: ['Convene.Reader'] }],
    [
      'more groups than fit in a token (overage)',
      {
        _claim_names: { groups: 'src1' },
        _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } },
      },
    ],
  ])('when someone with %s calls an org admin route, then it is refused with 403', async (_what, claims) => {
    const someone = person('Plain Person');
    const panel = await someone.call('GET', '/api/v1/portal/org-admins', claims);
    expect(panel.status).toBe(403);
    expect(panel.body.error.code).toBe('NOT_ALLOWED');
    expect((await someone.call('GET', '/api/v1/me', claims)).body.isOrgAdmin).toBe(false);
  });

  test('when the role is taken away in Entra, then the next request has no org admin power left', async () => {
    const teamsAdmin = person('Tomas Teams');
    const admin = { wids: [TEAMS_ADMINISTRATOR_ROLE] };
    expect((await teamsAdmin.call('GET', '/api/v1/portal/org-admins', admin)).status).toBe(200);
    expect((await teamsAdmin.call('GET', '/api/v1/portal/org-admins', {})).status).toBe(403);
    expect((await teamsAdmin.call('GET', '/api/v1/me', {})).body.isOrgAdmin).toBe(false);
  });

  test('when org admins name and remove others, then the panel shows who and why, Entra’s admins stay and the last admin stays; every change is audited', async () => {
    const tenant = randomUUID();
    const asha = person('Asha Rao', tenant);
    const ben = person('Ben Okafor', tenant);
    const chen = person('Chen Li', tenant);
    const global = { wids: [GLOBAL_ADMINISTRATOR_ROLE] };
    // Ben and Chen have used Convene, so they can be picked.
    const benId = (await ben.call('GET', '/api/v1/me')).body.personId;
    const chenId = (await chen.call('GET', '/api/v1/me')).body.personId;
    const ashaId = (await asha.call('GET', '/api/v1/me', global)).body.personId;

    const before = await asha.call('GET', '/api/v1/portal/org-admins', global);
    expect(before.body.candidates.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['Ben Okafor', 'Chen Li']),
    );

    const added = await asha.call('POST', '/api/v1/portal/org-admins', global, { personId: benId });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ changed: true, admin: { name: 'Ben Okafor' } });
    expect((await asha.call('POST', '/api/v1/portal/org-admins', global, { personId: benId })).status).toBe(
      200,
    );

    // Ben, named in the portal, may now name Chen, and sees why each is an admin.
    expect((await ben.call('POST', '/api/v1/portal/org-admins', {}, { personId: chenId })).status).toBe(201);
    const panel = await ben.call('GET', '/api/v1/portal/org-admins');
    expect(admins(panel.body)).toMatchObject({
      'Asha Rao': ['Global Administrator in Microsoft Entra'],
      'Ben Okafor': ['Named in the portal by Asha Rao'],
      'Chen Li': ['Named in the portal by Ben Okafor'],
    });

    // Asha's status is Entra's: the portal explains rather than removes.
    const refused = await ben.call('DELETE', `/api/v1/portal/org-admins/${ashaId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORG_ADMIN_MANAGED_IN_ENTRA');
    expect(refused.body.error.message).toContain('Microsoft Entra admin center');

    expect((await ben.call('DELETE', `/api/v1/portal/org-admins/${chenId}`)).body).toEqual({ changed: true });
    expect((await chen.call('GET', '/api/v1/portal/org-admins')).status).toBe(403);

    // Asha loses Global Administrator: Ben is the last admin and cannot remove himself.
    expect((await asha.call('GET', '/api/v1/me', {})).body.isOrgAdmin).toBe(false);
    const last = await ben.call('DELETE', `/api/v1/portal/org-admins/${benId}`);
    expect(last.status).toBe(409);
    expect(last.body.error).toMatchObject({ code: 'LAST_ORG_ADMIN' });
    expect(last.body.error.message).toContain('Ben Okafor is the organisation');
    expect((await ben.call('GET', '/api/v1/portal/org-admins')).body.admins).toHaveLength(1);

    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'organisation.admin-claims-changed',
        'organisation.admin-added',
        'organisation.admin-removed',
      ]),
    );
  });

  test('when a non-admin tries to name themselves an org admin, then it is refused and nothing is recorded', async () => {
    const mallory = person('Mallory');
    const me = (await mallory.call('GET', '/api/v1/me')).body.personId;
    const tried = await mallory.call('POST', '/api/v1/portal/org-admins', {}, { personId: me });
    expect(tried.status).toBe(403);
    expect((await mallory.call('GET', '/api/v1/me')).body.isOrgAdmin).toBe(false);
  });

  test('when two org admins remove each other at the same moment, then one of them stays', async () => {
    const tenant = randomUUID();
    const dana = person('Dana Fox', tenant);
    const eli = person('Eli Stone', tenant);
    const starter = person('Starter Admin', tenant);
    const global = { wids: [GLOBAL_ADMINISTRATOR_ROLE] };
    const danaId = (await dana.call('GET', '/api/v1/me')).body.personId;
    const eliId = (await eli.call('GET', '/api/v1/me')).body.personId;
    await starter.call('POST', '/api/v1/portal/org-admins', global, { personId: danaId });
    await starter.call('POST', '/api/v1/portal/org-admins', global, { personId: eliId });
    // The Global Administrator loses the role in Entra: Dana and Eli are the only two left.
    await starter.call('GET', '/api/v1/me', {});
    expect((await dana.call('GET', '/api/v1/portal/org-admins')).body.admins).toHaveLength(2);

    const [a, b] = await Promise.all([
      dana.call('DELETE', `/api/v1/portal/org-admins/${eliId}`),
      eli.call('DELETE', `/api/v1/portal/org-admins/${danaId}`),
    ]);
    // The loser is refused either as the last admin (409) or, when the winner committed before the
    // loser's rights were read, as no longer an org admin at all (403); both leave one admin.
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(
      (await dana.call('GET', '/api/v1/me')).body.isOrgAdmin ||
        (await eli.call('GET', '/api/v1/me')).body.isOrgAdmin,
    ).toBe(true);
  });
});
