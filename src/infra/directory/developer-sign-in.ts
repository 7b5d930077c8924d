import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type {
  AuthorizeRequest,
  RedeemRequest,
  SignedInAccount,
  WorkAccountSignIn,
} from '../../domain/people/work-account-sign-in.port';
import { currentEntries, type LocalDirectorySource } from './local-directory-file';

/** A code the developer sign-in page handed out, waiting for the callback to redeem it. */
interface PendingCode {
  codeChallenge: string;
  nonce: string;
  redirectUri: string;
  account: SignedInAccount;
}

/** The stand-in person someone chose or typed on the developer sign-in page. */
export interface StandInPerson {
  name: string;
  /** E.164. */
  phone: string;
}

/**
 * Local mode's sign-in: Convene's own authorize page (choose or type a stand-in person) issues a
 * one-time code bound to the PKCE challenge, nonce and redirect URI, and the same callback redeems it
 * as it would Microsoft's. A person listed in the local directory file keeps that file's identity (so
 * they are the Agents Playground's user too); anyone else gets one derived from their number.
 */
export class DeveloperSignIn implements WorkAccountSignIn {
  readonly developer = true;
  private readonly codes = new LRUCache<string, PendingCode>({ max: 1000, ttl: 5 * 60 * 1000 });

  constructor(
    private readonly settings: {
      tenantId: string;
      /** The developer sign-in page's address. */
      authorizeUrl: () => string;
      people: LocalDirectorySource;
    },
  ) {}

  tenantFor(): string {
    return this.settings.tenantId;
  }

  /** The stand-ins the page offers to choose from (the local directory file's people). */
  standIns(): StandInPerson[] {
    return currentEntries(this.settings.people).map((p) => ({
      name: p.displayName ?? p.phone,
      phone: p.phone,
    }));
  }

  async authorizeUrl(request: AuthorizeRequest): Promise<string> {
    const query = new URLSearchParams({
      response_type: 'code',
      redirect_uri: request.redirectUri,
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    });
    return `${this.settings.authorizeUrl()}?${query}`;
  }

  /** The page's answer: a one-time code for the chosen person, to send back with the state. */
  issueCode(request: Omit<AuthorizeRequest, 'state' | 'tenant'>, person: StandInPerson): string {
    const listed = currentEntries(this.settings.people).find((p) => p.phone === person.phone);
    const aadObjectId =
      listed?.aadObjectId ??
      `dev-${createHash('sha256').update(`developer-sign-in:${person.phone}`).digest('hex').slice(0, 32)}`;
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      codeChallenge: request.codeChallenge,
      nonce: request.nonce,
      redirectUri: request.redirectUri,
      account: {
        tenantId: this.settings.tenantId,
        aadObjectId,
        displayName: person.name,
        phones: [person.phone],
      },
    });
    return code;
  }

  async redeem(request: RedeemRequest): Promise<SignedInAccount> {
    const pending = this.codes.get(request.code);
    // One use only, as Entra's codes.
    this.codes.delete(request.code);
    if (!pending || pending.redirectUri !== request.redirectUri) throw new SignInRefused('code-rejected');
    const challenge = createHash('sha256').update(request.codeVerifier).digest('base64url');
    if (!sameText(challenge, pending.codeChallenge)) throw new SignInRefused('code-rejected');
    if (!sameText(request.nonce, pending.nonce)) throw new SignInRefused('nonce');
    return pending.account;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
