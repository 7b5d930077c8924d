import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const CLIENT_ID = '7a0c4c1e-0000-4000-8000-00000000c0fe';
export const APP_ID_URI = `api://convene.contoso.com/${CLIENT_ID}`;
export const HOME_TENANT = '11111111-1111-1111-1111-111111111111';
export const OTHER_TENANT = '22222222-2222-2222-2222-222222222222';

/**
 * A stand-in Entra ID signing authority: a locally generated RSA key set served as JWKS over
 * loopback, and a signer for tokens shaped like Teams SSO tokens (v1 and v2).
 */
export class SsoTokenIssuer {
  jwksUrl = '';
  jwksRequests = 0;
  private server: Server | undefined;
  private privateKey!: CryptoKey;
  private strangerKey!: CryptoKey;
  private jwk!: JWK;

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = pair.privateKey;
    this.strangerKey = (await generateKeyPair('RS256')).privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
    this.server = createServer((req, res) => {
      this.jwksRequests++;
      if (req.url === '/common/discovery/v2.0/keys') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.jwk] }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A v2 token for `oid` in `tid`, with any claim overridden. */
  async token(
    claims: Record<string, unknown> = {},
    options: { version?: 1 | 2; signWith?: 'authority' | 'stranger'; expiresIn?: string | number } = {},
  ): Promise<string> {
    const tid = (claims.tid as string | undefined) ?? HOME_TENANT;
    const iss =
      options.version === 1
        ? `https://sts.windows.net/${tid}/`
        : `https://login.microsoftonline.com/${tid}/v2.0`;
    return new SignJWT({
      aud: APP_ID_URI,
      iss,
      tid,
      oid: 'aaaaaaaa-0000-4000-8000-000000000001',
      name: 'Asha Rao',
      scp: 'access_as_user',
      ver: options.version === 1 ? '1.0' : '2.0',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.signWith === 'stranger' ? this.strangerKey : this.privateKey);
  }
}

/** An unsigned token (`alg: none`) with the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.`;
}
