import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Request } from 'restify';
import type { TeamsIdentity } from '../../domain/people/identify-teams-user';
import { orgAdminClaimsOf } from './org-admin-claims';
import type { RequestAuthenticator } from './request-authenticator';
import { type SsoProblem, SsoTokenRejected } from './sso.errors';

export interface EntraTokenSettings {
  /** Accepted audiences: the app id URI (api://…/<client id>) and the client id itself. */
  audiences: string[];
  /** Tenants whose users may sign in; `'*'` accepts any tenant (multi-tenant apps). */
  allowedTenants: readonly string[] | '*';
  /** Where Entra publishes its signing keys. */
  jwksUrl: string;
  /** Where Entra's issuers live (`https://login.microsoftonline.com` in the public cloud). */
  authorityHost: string;
  /** v1 tokens are issued by the STS host (`https://sts.windows.net` in the public cloud). */
  v1IssuerHost: string;
  requiredScope?: string;
  clockToleranceSeconds?: number;
  /** Members of this Entra security group (object id, in the `groups` claim) are org admins. */
  orgAdminGroupId?: string;
}

/**
 * Tenant mode: verifies the Teams SSO token from `authentication.getAuthToken()` and names the
 * caller by its `tid` + `oid`. RS256 only (so `alg: none` and HMAC tricks fail), signature against
 * Entra's published keys (fetched once, cached, refetched on an unknown key id), audience, the
 * v1 or v2 issuer of the token's own tenant, an allowed tenant, the `access_as_user` scope and
 * expiry with a minute of clock skew. The token's roles say whether the caller is an org admin
 * (`org-admin-claims.ts`).
 */
export class EntraTokenAuthenticator implements RequestAuthenticator {
  readonly developerIdentity = false;
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: EntraTokenSettings,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys =
      keys ??
      createRemoteJWKSet(new URL(settings.jwksUrl), {
        cacheMaxAge: 60 * 60 * 1000,
        cooldownDuration: 30 * 1000,
        timeoutDuration: 5000,
      });
  }

  async authenticate(req: Request): Promise<TeamsIdentity> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new SsoTokenRejected('missing');
    return this.verify(match[1]!);
  }

  /** Verifies one token; exposed for the bot's sign-in flows as well as the tab API. */
  async verify(token: string): Promise<TeamsIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: this.settings.audiences,
        clockTolerance: this.settings.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (error) {
      throw new SsoTokenRejected(problemOf(error));
    }
    const tenantId = String(payload.tid);
    const { allowedTenants } = this.settings;
    if (allowedTenants !== '*' && !allowedTenants.includes(tenantId)) throw new SsoTokenRejected('tenant');
    const issuers = [
      `${this.settings.authorityHost.replace(/\/+$/, '')}/${tenantId}/v2.0`,
      `${this.settings.v1IssuerHost.replace(/\/+$/, '')}/${tenantId}/`,
    ];
    if (!issuers.includes(String(payload.iss))) throw new SsoTokenRejected('issuer');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(this.settings.requiredScope ?? 'access_as_user'))
      throw new SsoTokenRejected('scope');
    const name = typeof payload.name === 'string' ? payload.name : null;
    const upn = [payload.upn, payload.preferred_username].find((v): v is string => typeof v === 'string');
    return {
      tenantId,
      aadObjectId: String(payload.oid),
      displayName: name,
      userPrincipalName: upn ?? null,
      orgAdminClaims: orgAdminClaimsOf(payload, this.settings.orgAdminGroupId),
    };
  }
}

function problemOf(error: unknown): SsoProblem {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not-yet-valid';
    return 'claims';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return 'algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'signature';
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError === false)
    return 'keys-unavailable';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  return 'signature';
}
