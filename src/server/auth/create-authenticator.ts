import type { Config } from '../../config';
import { EntraTokenAuthenticator } from './entra-token-authenticator';

/** Tenant mode's authenticator: Teams SSO tokens for the configured Entra app. */
export function createTenantAuthenticator(config: Readonly<Config>): EntraTokenAuthenticator {
  const { entra } = config;
  return new EntraTokenAuthenticator({
    audiences: [entra.appIdUri, entra.clientId].filter((a): a is string => Boolean(a)),
    allowedTenants: entra.allowedTenants,
    jwksUrl: entra.jwksUrl,
    orgAdminGroupId: entra.orgAdminGroupId,
    authorityHost: entra.authorityHost,
    // v1 tokens come from the STS host of the same cloud.
    v1IssuerHost:
      entra.authorityHost === 'https://login.microsoftonline.com'
        ? 'https://sts.windows.net'
        : entra.authorityHost,
  });
}
