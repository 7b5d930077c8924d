import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Directory } from '../../domain/directory/directory.port';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type {
  AuthorizeRequest,
  RedeemRequest,
  SignedInAccount,
  WorkAccountSignIn,
} from '../../domain/people/work-account-sign-in.port';
import type { EntraApp } from './entra-app';

export interface EntraSignInSettings {
  clientId: string;
  homeTenantId: string;
  allowedTenants: readonly string[] | '*';
  authorityHost: string;
  jwksUrl: string;
}

/**
 * Tenant mode's join-page sign-in: the process's one Entra app builds the authorize URL and redeems
 * the code with its PKCE verifier; the ID token is then verified here (msal decodes but does not check
 * it): RS256 against Entra's published keys, audience = this app, the issuer of the token's own tenant,
 * an allowed tenant and the nonce of this sign-in. The account's phones come from the directory.
 */
export class EntraSignIn implements WorkAccountSignIn {
  readonly developer = false;
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly app: EntraApp,
    private readonly directory: Directory,
    private readonly settings: EntraSignInSettings,
  ) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cacheMaxAge: 60 * 60 * 1000,
      cooldownDuration: 30 * 1000,
      timeoutDuration: 5000,
    });
  }

  tenantFor(organisationTenantId: string | undefined): string {
    if (organisationTenantId) return organisationTenantId;
    return this.settings.allowedTenants === '*' ? 'organizations' : this.settings.homeTenantId;
  }

  authorizeUrl(request: AuthorizeRequest): Promise<string> {
    return this.app.authCodeUrl(request);
  }

  async redeem(request: RedeemRequest): Promise<SignedInAccount> {
    let idToken: string;
    try {
      idToken = await this.app.idTokenByCode(request);
    } catch {
      throw new SignInRefused('code-rejected');
    }
    const payload = await this.verify(idToken, request.nonce);
    const tenantId = String(payload.tid);
    const aadObjectId = String(payload.oid);
    return {
      tenantId,
      aadObjectId,
      displayName: typeof payload.name === 'string' ? payload.name : null,
      // Without Graph the person still joins; only the match with an admin-added number is missed.
      phones: await this.directory.phonesOfUser(tenantId, aadObjectId).catch(() => []),
    };
  }

  private async verify(idToken: string, nonce: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.keys, {
        algorithms: ['RS256'],
        audience: this.settings.clientId,
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid', 'nonce'],
      }));
    } catch (error) {
      const audience = error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud';
      throw new SignInRefused(audience ? 'audience' : 'token-invalid');
    }
    const tenantId = String(payload.tid);
    const { allowedTenants, authorityHost } = this.settings;
    if (payload.iss !== `${authorityHost.replace(/\/+$/, '')}/${tenantId}/v2.0`)
      throw new SignInRefused('issuer');
    if (payload.nonce !== nonce) throw new SignInRefused('nonce');
    if (allowedTenants !== '*' && !allowedTenants.includes(tenantId)) throw new SignInRefused('tenant');
    return payload;
  }
}
