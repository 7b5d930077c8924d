import { chromiumAvailable, chromiumPath } from './chromium';
import { probePostgres, testDatabaseUrl } from './postgres';

/**
 * Probes the services once per run. Missing PostgreSQL fails the run under CI and is announced
 * loudly elsewhere, so a laptop without it still runs everything else.
 */
export default async function globalSetup(): Promise<void> {
  checkChromium();
  const problem = await probePostgres();
  if (!problem) {
    process.env.CONVENE_TEST_POSTGRES = 'available';
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required under CI but ${testDatabaseUrl} is unreachable: ${problem}`);
  }
  process.env.CONVENE_TEST_POSTGRES = 'unavailable';
  console.warn(
    `\n\n*** PostgreSQL at ${testDatabaseUrl} is unreachable (${problem}).\n` +
      '*** The PostgreSQL halves of the storage suites are SKIPPED. Start PostgreSQL to run them.\n\n',
  );
}

function checkChromium(): void {
  if (chromiumAvailable()) return;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is required under CI for the browser tests but ${chromiumPath} does not exist.`,
    );
  }
  console.warn(
    `\n\n*** Chromium is not at ${chromiumPath} (apt-get install -y chromium).\n` +
      '*** The browser suites (the portal end to end) are SKIPPED.\n\n',
  );
}
