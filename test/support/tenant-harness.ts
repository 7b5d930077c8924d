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
