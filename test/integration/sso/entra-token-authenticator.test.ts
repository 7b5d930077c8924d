import type { Request } from 'restify';
import { EntraTokenAuthenticator } from '../../../src/server/auth/entra-token-authenticator';
import {
  APP_ID_URI,
  CLIENT_ID,
  HOME_TENANT,
  OTHER_TENANT,
  SsoTokenIssuer,
  unsignedToken,
} from './sso-tokens';

const requestWith = (authorization?: string) =>
  ({ headers: authorization ? { authorization } : {} }) as Request;

describe('Teams SSO token verification', () => {
  const issuer = new SsoTokenIssuer();
  let authenticator: EntraTokenAuthenticator;
  beforeAll(async () => {
    await issuer.start();
    authenticator = new EntraTokenAuthenticator({
      audiences: [APP_ID_URI, CLIENT_ID],
      allowedTenants: [HOME_TENANT],
      jwksUrl: issuer.jwksUrl,
      authorityHost: 'https://login.microsoftonline.com',
      v1IssuerHost: 'https://sts.windows.net',
    });
  });
  afterAll(() => issuer.stop());

  test.each([
    ['a v2 token for the app id URI', {}, 2],
    ['a v1 token', {}, 1],
    ['a token whose audience is the client id', { aud: CLIENT_ID }, 2],
    ['a token with several scopes', { scp: 'User.Read access_as_user' }, 2],
  ] as const)('when the tab sends %s, then the caller is its tid and oid', async (_what, claims, version) => {
    const token = await issuer.token(claims, { version });
    await expect(authenticator.authenticate(requestWith(`Bearer ${token}`))).resolves.toEqual({
      tenantId: HOME_TENANT,
      aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
      displayName: 'Asha Rao',
      userPrincipalName: null,
      orgAdminClaims: [],
    });
  });

  test.each([
    ['no Authorization header', 'SSO_TOKEN_MISSING', async () => undefined],
    ['a Basic header', 'SSO_TOKEN_MISSING', async () => 'Basic YXNoYTpwdw=='],
    ['garbage', 'SSO_TOKEN_MALFORMED', async () => 'Bearer not.a.jwt'],
    [
      'an expired token',
      'SSO_TOKEN_EXPIRED',
      async () => `Bearer ${await issuer.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 })}`,
    ],
    [
      'a token for another app',
      'SSO_TOKEN_AUDIENCE',
      async () => `Bearer ${await issuer.token({ aud: 'api://other/123' })}`,
    ],
    [
      'a token from a foreign issuer',
      'SSO_TOKEN_ISSUER',
      async () => `Bearer ${await issuer.token({ iss: 'https://evil.example/v2.0' })}`,
    ],
    [
      'an issuer of a different tenant than tid',
      'SSO_TOKEN_ISSUER',
      async () =>
        `Bearer ${await issuer.token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })}`,
    ],
    [
      'a token of another tenant',
      'SSO_TENANT_NOT_ALLOWED',
      async () => `Bearer ${await issuer.token({ tid: OTHER_TENANT })}`,
    ],
    [
      'a token without access_as_user',
      'SSO_SCOPE_MISSING',
      async () => `Bearer ${await issuer.token({ scp: 'User.Read' })}`,
    ],
    [
      'a token without oid',
      'SSO_TOKEN_CLAIMS',
      async () => `Bearer ${await issuer.token({ oid: undefined })}`,
    ],
    [
      'alg: none',
      'SSO_TOKEN_ALGORITHM',
      async () =>
        `Bearer ${unsignedToken({ aud: APP_ID_URI, tid: HOME_TENANT, oid: 'x', scp: 'access_as_user', iss: `https://login.microsoftonline.com/${HOME_TENANT}/v2.0` })}`,
    ],
    [
      'a token signed by another key',
      'SSO_TOKEN_SIGNATURE',
      async () => `Bearer ${await issuer.token({}, { signWith: 'stranger' })}`,
    ],
    ['a tampered payload', 'SSO_TOKEN_SIGNATURE', async () => `Bearer ${tamper(await issuer.token())}`],
  ] as Array<[string, string, () => Promise<string | undefined>]>)(
    'when the tab sends %s, then 401 with %s',
    async (_what, code, header) => {
      const rejection = authenticator.authenticate(requestWith(await header()));
      await expect(rejection).rejects.toMatchObject({ code, kind: 'unauthenticated' });
    },
  );

  test('when many requests are verified, then the key set is fetched once and reused', async () => {
    const before = issuer.jwksRequests;
    for (let i = 0; i < 5; i++)
      await authenticator.authenticate(requestWith(`Bearer ${await issuer.token()}`));
    expect(issuer.jwksRequests - before).toBe(0);
  });
});

/** Swaps the oid in the payload but keeps the original signature. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  claims.oid = 'bbbbbbbb-0000-4000-8000-000000000002';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
