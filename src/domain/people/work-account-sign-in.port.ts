import type { TeamsIdentity } from './identify-teams-user';

/** Someone who proved a Microsoft 365 work account, with the phone numbers the directory holds for it. */
export interface SignedInAccount extends TeamsIdentity {
  /** E.164 numbers of the account (mobile first); empty when the directory knows none. */
  phones: string[];
}

/** One authorization-code sign-in: what the browser is sent with, and what comes back. */
export interface AuthorizeRequest {
  state: string;
  /** S256 PKCE challenge of a verifier only the server holds. */
  codeChallenge: string;
  /** Echoed in the ID token; ties the token to this sign-in. */
  nonce: string;
  redirectUri: string;
  tenant: string;
}

export interface RedeemRequest {
  /** The tenant the sign-in started in (the authorize URL's), as the transport kept it. */
  tenant: string;
  code: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
}

/**
 * Signing in with a work account through the OAuth 2.0 authorization code flow with PKCE: Microsoft
 * Entra ID in tenant mode, Convene's clearly marked developer sign-in in local mode.
 */
export interface WorkAccountSignIn {
  /** True for local mode's stand-in (the pages say so). */
  readonly developer: boolean;
  /** The tenant segment a sign-in uses: the link's organisation's, else any account the app accepts. */
  tenantFor(organisationTenantId: string | undefined): string;
  authorizeUrl(request: AuthorizeRequest): Promise<string>;
  /** Exchanges the code for a verified ID token; refuses with a coded error (nothing is joined). */
  redeem(request: RedeemRequest): Promise<SignedInAccount>;
}
