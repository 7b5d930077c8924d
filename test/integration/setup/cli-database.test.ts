import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The first thing to check when the CLI does not see a job the portal shows is which database each one
 * uses. The real bin script, in its own process, names it on stderr (so `--json` stays clean) and never
 * prints a password.
 */
const repo = path.resolve(__dirname, '../../..');
jest.setTimeout(120_000);

const { LOG_LEVEL: _level, DATABASE_URL: _url, ...quiet } = process.env;

const convene = (env: Record<string, string>, ...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(repo, 'bin/convene.js'), ...args],
      { cwd: repo, env: { ...quiet, ...env } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });

describe('the convene command line names its database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-cli-db-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('when it uses the embedded database, then it names the SQLite file and the data directory, and --json stays JSON', async () => {
    const result = await convene({ DATA_DIR: dataDir }, 'jobs', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `convene: using SQLite ${path.join(dataDir, 'convene.sqlite')} (data directory ${dataDir})`,
    );
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  test('when DATABASE_URL carries a password, then it names the PostgreSQL server with the password hidden', async () => {
    // Nothing listens on port 1: the CLI says which database it tried, then fails to reach it.
    const result = await convene(
      {
        DATA_DIR: dataDir,
        DATABASE_URL: 'postgres://convene:s3cret-Pa55@127.0.0.1:1/convene?sslpassword=other-s3cret',
      },
      'jobs',
    );
    expect(result.stderr).toContain(
      'convene: using PostgreSQL postgres://convene:***@127.0.0.1:1/convene?sslpassword=***',
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).not.toContain('s3cret');
  });
});
