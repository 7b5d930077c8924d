import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** The issuer the Bot Connector's tokens carry in the public cloud. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * A stand-in for the Bot Framework's token authority (login.botframework.com): an OpenID
 * configuration and a JWKS whose key is endorsed for `msteams`, served over loopback, and a signer
 * for tokens shaped like the ones the Bot Connector sends with each activity.
 */
export class BotFrameworkAuthority {
  openIdMetadataUrl = '';
  private server: Server | undefined;
  private key!: CryptoKey;
  private strangerKey!: CryptoKey;
  private jwk!: JWK;

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    this.key = pair.privateKey;
    this.strangerKey = (await generateKeyPair('RS256')).privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: 'bf-key-1', use: 'sig', alg: 'RS256' };
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      const answer = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/.well-known/openidconfiguration') {
        answer({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/v1/.well-known/keys` });
      } else if (req.url === '/v1/.well-known/keys') {
        answer({ keys: [{ ...this.jwk, endorsements: ['msteams'] }] });
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.openIdMetadataUrl = `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A channel token for the bot `audience` and the activity's `serviceUrl`, with any claim overridden. */
  token(
    claims: { aud: string; serviceurl: string } & Record<string, unknown>,
    options: { signWith?: 'authority' | 'stranger'; expiresIn?: string | number } = {},
  ): Promise<string> {
    return new SignJWT({ iss: BOT_FRAMEWORK_ISSUER, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'bf-key-1', typ: 'JWT' })
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.signWith === 'stranger' ? this.strangerKey : this.key);
  }
}
