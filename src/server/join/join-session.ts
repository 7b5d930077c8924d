import { createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie as parseCookies, stringifySetCookie as serialize } from 'cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Request, Response } from 'restify';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import { appendCookie } from './append-cookie';

/** What the browser carries between starting sign-in and the callback (encrypted and authenticated). */
export interface SignInSession {
  token: string;
  state: string;
  codeVerifier: string;
  nonce: string;
  tenant: string;
}

/** What the welcome page shows after the callback joined someone (read once the redirect lands). */
export interface JoinedSession {
  token: string;
  group: string;
  outcome: 'joined' | 'already-member' | 'requested';
  openUrl: string | null;
}

const SIGN_IN_COOKIE = 'convene_join_sign_in';
const JOINED_COOKIE = 'convene_join_done';
const SIGN_IN_SECONDS = 10 * 60;
const JOINED_SECONDS = 5 * 60;

const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** A new sign-in's secrets: the state, the PKCE verifier and its S256 challenge, and the nonce. */
export function newSignIn(token: string, tenant: string): { session: SignInSession; codeChallenge: string } {
  const codeVerifier = b64url(randomBytes(32));
  return {
    session: { token, tenant, state: b64url(randomBytes(32)), nonce: b64url(randomBytes(16)), codeVerifier },
    codeChallenge: b64url(createHash('sha256').update(codeVerifier).digest()),
  };
}

/**
 * The join page's short-lived cookies: `HttpOnly; SameSite=Lax` (sent on the top-level redirect back
 * from the sign-in page, never on a cross-site POST), `Secure` whenever the public address is https,
 * scoped to /join, and sealed with a key derived from a configured secret (A256GCM, so they can be
 * neither read nor forged). A state is accepted once per process (the code itself is one-use at Entra).
 */
export class JoinSessions {
  private readonly key: Uint8Array;
  private readonly usedStates = new LRUCache<string, true>({ max: 10_000, ttl: SIGN_IN_SECONDS * 1000 });

  constructor(
    secret: string,
    private readonly secure: () => boolean,
  ) {
    this.key = new Uint8Array(hkdfSync('sha256', secret, 'convene', 'join-page cookies', 32));
  }

  async startSignIn(res: Response, session: SignInSession): Promise<void> {
    this.setCookie(res, SIGN_IN_COOKIE, await this.seal(session, SIGN_IN_SECONDS), SIGN_IN_SECONDS);
  }

  /**
   * The session of the sign-in this callback answers, checked against the state it brings back.
   * The cookie is cleared whatever happens: a sign-in is finished once, or started again.
   */
  async finishSignIn(req: Request, res: Response, state: string | undefined): Promise<SignInSession> {
    const sealed = parseCookies(req.headers.cookie ?? '')[SIGN_IN_COOKIE];
    this.setCookie(res, SIGN_IN_COOKIE, '', 0);
    if (!sealed) throw new SignInRefused('session-missing');
    const session = (await this.open(sealed)) as SignInSession | undefined;
    if (!session) throw new SignInRefused('session-missing');
    if (!state || !sameText(state, session.state)) throw new SignInRefused('state-mismatch');
    if (this.usedStates.has(state)) throw new SignInRefused('state-replayed');
    this.usedStates.set(state, true);
    return session;
  }

  async setJoined(res: Response, joined: JoinedSession): Promise<void> {
    this.setCookie(res, JOINED_COOKIE, await this.seal(joined, JOINED_SECONDS), JOINED_SECONDS);
  }

  async joined(req: Request, token: string): Promise<JoinedSession | undefined> {
    const sealed = parseCookies(req.headers.cookie ?? '')[JOINED_COOKIE];
    const joined = sealed ? ((await this.open(sealed)) as JoinedSession | undefined) : undefined;
    return joined?.token === token ? joined : undefined;
  }

  private seal(payload: object, seconds: number): Promise<string> {
    return new EncryptJWT({ ...payload })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .encrypt(this.key);
  }

  private async open(sealed: string): Promise<object | undefined> {
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, { keyManagementAlgorithms: ['dir'] });
      return payload;
    } catch {
      return undefined;
    }
  }

  private setCookie(res: Response, name: string, value: string, maxAge: number): void {
    const cookie = serialize(name, value, {
      httpOnly: true,
      secure: this.secure(),
      sameSite: 'lax',
      path: '/join',
      maxAge,
    });
    appendCookie(res, cookie);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
