import { OrganisationAccountRequired } from '../../src/domain/organisations/organisation.errors';

/** The tenant of personal Microsoft accounts: not an organisation. */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** What a Microsoft 365 token says about who signed in. */
export interface TokenClaims {
  tenantId: string;
  objectId: string;
  displayName: string | null;
  /** The sign-in name, e.g. asha@contoso.com (its domain names a new organisation). */
  userPrincipalName: string | null;
}

/**
 * Reads the claims of a token the Bot Framework token service handed over (through the
 * authenticated Bot Connector or Teams SSO exchange). The service vouches for the token, so its
 * signature is not checked again here; what matters is which tenant it proves.
 */
export function readTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new OrganisationAccountRequired();
  }
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const tenantId = text(claims.tid);
  const objectId = text(claims.oid);
  if (!tenantId || !objectId || tenantId === CONSUMER_TENANT_ID) throw new OrganisationAccountRequired();
  return {
    tenantId,
    objectId,
    displayName: text(claims.name),
    userPrincipalName: text(claims.upn) ?? text(claims.preferred_username),
  };
}
