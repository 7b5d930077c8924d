import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listeningUrl, startConveneProcess, waitFor } from '../../support/convene-process';

const crashPreload = path.resolve(__dirname, '../../fixtures/crash-after-start.mjs');

describe('the Convene process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-proc-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('when started with no settings but a data directory, then it serves /healthz, prints no deprecation warning and stops cleanly on SIGTERM', async () => {
    const proc = startConveneProcess({ DATA_DIR: dataDir, PORT: '0' });
    try {
      const url = await listeningUrl(proc);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toContain('"signal":"SIGTERM"');
      expect(proc.output()).not.toMatch(/DeprecationWarning|DEP0\d+/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  test('when tenant mode lacks bot authentication, then it refuses to start and names the settings', async () => {
    const proc = startConveneProcess({
      CONVENE_MODE: 'tenant',
      DATABASE_URL: 'postgres://x@127.0.0.1/none',
    });
    expect(await proc.exited).toBe(78);
    expect(proc.output()).toContain('MICROSOFT_APP_ID is required in tenant mode');
    expect(proc.output()).toContain('MICROSOFT_APP_PASSWORD is required in tenant mode');
    expect(proc.output()).not.toContain('DATABASE_URL is required');
  });

  test('when local mode is asked to listen on the network without saying so, then it refuses to start and says why', async () => {
    const proc = startConveneProcess({ DATA_DIR: dataDir, PORT: '0', HOST: '0.0.0.0' });
    expect(await proc.exited).toBe(78);
    expect(proc.output()).toContain('ALLOW_LOCAL_MODE_ON_NETWORK=true');
  });

  test('when local mode is allowed on the network, then it starts and warns loudly what it exposes', async () => {
    const proc = startConveneProcess({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '0.0.0.0',
      ALLOW_LOCAL_MODE_ON_NETWORK: 'true',
    });
    try {
      await listeningUrl(proc);
      const warning = await waitFor(
        () => /\{"level":40,[^\n]*LOCAL MODE IS ON THE NETWORK[^\n]*/.exec(proc.output())?.[0],
      );
      expect(warning).toContain('org admin');
      expect(warning).toContain('"host":"0.0.0.0"');
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  test.each(['exception', 'rejection'])(
    'when an unhandled %s reaches the top, then it is logged without the invite token and the process exits for a restart',
    async (kind) => {
      const proc = startConveneProcess({ DATA_DIR: dataDir, PORT: '0', CRASH_KIND: kind }, [
        '--import',
        crashPreload,
      ]);
      try {
        expect(await proc.exited).toBe(70);
        const logged = kind === 'exception' ? 'uncaught exception' : 'unhandled rejection';
        expect(proc.output()).toMatch(new RegExp(`"level":60,.*"kind":"${logged}"`));
        expect(proc.output()).toContain('callback failed for http://127.0.0.1/join/[redacted]');
        expect(proc.output()).not.toContain('CrashToken');
        expect(proc.output()).not.toContain('CrashQuery');
      } finally {
        proc.child.kill('SIGKILL');
      }
    },
  );
});
