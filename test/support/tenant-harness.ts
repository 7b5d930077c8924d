import { APP_ID_URI, CLIENT_ID, HOME_TENANT, SsoTokenIssuer } from '../integration/sso/sso-tokens';
import { type AppHarness, startHarness } from './app-harness';

/** The bot's app id in tenant-mode tests (the audience of the Bot Connector's tokens). */
export const TEST_BOT_APP_ID = '5b0b0b0b-0000-4000-8000-00000000b075';

/**
 * A real server in tenant mode: bot authentication on, PostgreSQL in a schema of its own, the
 * tenants allowed named, and any setting (loopback authorities) added by the test.
 */
export function startTenantHarness(
  homeTenant: string,
  env: Record<string, string> = {},
): Promise<AppHarness> {
  return startHarness(
    {
      CONVENE_MODE: 'tenant',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: TEST_BOT_APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-offline',
      MICROSOFT_APP_TENANT_ID: homeTenant,
      PUBLIC_BASE_URL: 'https://convene.contoso.test',
      ...env,
    },
    { dialect: 'postgres' },
  );
}

/**
 * A tenant-mode server whose tab callers sign in with Teams SSO tokens from a loopback Entra issuer, for
 * the file's tests: both started before them and stopped after. `env` adds or overrides settings.
 */
export function tenantServerWithSso(env: Record<string, string> = {}): {
  issuer: SsoTokenIssuer;
  harness: () => AppHarness;
} {
  const issuer = new SsoTokenIssuer();
  let harness: AppHarness | undefined;
  beforeAll(async () => {
    await issuer.start();
    harness = await startTenantHarness(HOME_TENANT, {
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AAD_APP_ID_URI: APP_ID_URI,
      AAD_JWKS_URL: issuer.jwksUrl,
      ...env,
    });
  });
  afterAll(async () => {
    await harness?.close();
    await issuer.stop();
  });
  return {
    issuer,
    harness: () => {
      if (!harness) throw new Error('The tenant-mode server has not started.');
      return harness;
    },
  };
}
