import type { Config } from '../../config';
import type { WorkAccountSignIn } from '../../domain/people/work-account-sign-in.port';
import { DeveloperSignIn } from '../directory/developer-sign-in';
import type { IdentityRuntime } from './create-directory';
import { EntraSignIn } from './entra-sign-in';

/**
 * The join page's sign-in for the mode: Microsoft Entra ID through the process's Entra app in tenant
 * mode; the developer sign-in page locally (never in tenant mode).
 */
export function createWorkAccountSignIn(
  config: Readonly<Config>,
  identity: IdentityRuntime,
  publicBaseUrl: () => string,
): { signIn: WorkAccountSignIn; developer?: DeveloperSignIn; origins: string[] } {
  if (config.mode === 'local' || !identity.entraApp) {
    const developer = new DeveloperSignIn({
      tenantId: config.localIdentity.tenantId,
      authorizeUrl: () => `${publicBaseUrl()}/join/developer-sign-in`,
      people: identity.localPeople,
    });
    return { signIn: developer, developer, origins: [] };
  }
  const { entra, bot } = config;
  return {
    signIn: new EntraSignIn(identity.entraApp, identity.directory, {
      clientId: entra.clientId!,
      homeTenantId: bot.tenantId!,
      allowedTenants: entra.allowedTenants,
      authorityHost: entra.authorityHost,
      jwksUrl: entra.jwksUrl,
    }),
    origins: [new URL(entra.authorityHost).origin],
  };
}
