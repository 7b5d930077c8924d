import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Starts `src/main.ts` as a real process, the way `npm start` does (minus the build step). */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}

describe('the Convene process', () => {
  test('when started with no settings but a data directory, then it serves /healthz and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-proc-'));
    const { child, output } = startProcess({ DATA_DIR: dataDir, PORT: '0' });
    try {
      const url = await waitFor(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output())?.[1]);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const exit = exited(child);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(output()).toContain('"signal":"SIGTERM"');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('when tenant mode lacks bot authentication, then it refuses to start and names the settings', async () => {
    const { child, output } = startProcess({
      CONVENE_MODE: 'tenant',
      DATABASE_URL: 'postgres://x@127.0.0.1/none',
    });
    expect(await exited(child)).toBe(78);
    expect(output()).toContain('MICROSOFT_APP_ID is required in tenant mode');
    expect(output()).toContain('MICROSOFT_APP_PASSWORD is required in tenant mode');
    expect(output()).not.toContain('DATABASE_URL is required');
  });
});
