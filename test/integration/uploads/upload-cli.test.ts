import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npx convene` as IT automation runs it: the real bin script in its own process, against a fresh
 * embedded database, judged by exit code and output (0 valid / completed, 1 problems / job failed
 * or partial, 2 usage error).
 */
const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'test/fixtures/csv');
jest.setTimeout(120_000);

/** The environment without a log level, so the CLI logs warnings only (as it does by default). */
const { LOG_LEVEL: _level, ...quiet } = process.env;

describe('the convene command line', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs a program with the CLI's environment; resolves with its exit code and output. */
  const runProgram = (file: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        file,
        args,
        { cwd: repo, env: { ...quiet, DATA_DIR: dataDir, DEFAULT_REGION: 'IN' } },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      );
    });
  const convene = (...args: string[]) =>
    runProgram(process.execPath, [path.join(repo, 'bin/convene.js'), ...args]);

  test('when a well-formed file is validated, then it exits 0 and sums the file up', async () => {
    const run = await convene(
      'upload',
      'validate',
      path.join(fixtures, 'ugm-well-formed.csv'),
      '--kind',
      'user-group',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ugm-well-formed\.csv: \d+ rows, \d+ to apply, 0 errors/);
  });

  test('when a file with problems is validated with --json, then it exits 1 and prints the API’s problem objects', async () => {
    const run = await convene(
      'upload',
      'validate',
      path.join(fixtures, 'ugm-row-problems.csv'),
      '--kind',
      'user-group',
      '--json',
    );
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout);
    expect(printed.errorCount).toBeGreaterThan(0);
    expect(printed.problems).toContainEqual(
      expect.objectContaining({ line: 2, column: 'Phone Number', code: 'PHONE_INVALID', severity: 'error' }),
    );
    expect(printed.problems).toContainEqual(
      expect.objectContaining({ line: 3, column: 'User Type', code: 'CSV_UNKNOWN_USER_TYPE' }),
    );
  });

  test('when the command is used wrongly, then it exits 2 and says what is wrong', async () => {
    const badKind = await convene(
      'upload',
      'validate',
      path.join(fixtures, 'ugm-well-formed.csv'),
      '--kind',
      'people',
    );
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind must be user-group or parent-group (got "people")');
    const noFile = await convene('upload', 'apply', '--kind', 'user-group');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/missing required argument 'file'/);
  });

  test('when a file is applied with --wait, then it exits 0 completed; applied again, nothing changes; jobs lists both', async () => {
    const file = path.join(dataDir, 'site-crew.csv');
    writeFileSync(
      file,
      'Group Name,Phone Number,User Type\nSite crew,9988554401,Admin\nSite crew,9988554402,Member\nSite crew,9988554403,Member\n',
    );
    const first = await convene('upload', 'apply', file, '--kind', 'user-group', '--wait', '--json');
    expect(first.code).toBe(0);
    const job = JSON.parse(first.stdout).job;
    expect(job).toMatchObject({
      status: 'completed',
      rowsDone: 3,
      counts: expect.objectContaining({ groupsCreated: 1, membersAdded: 3 }),
    });
    // Not attached to a terminal: no progress bar drawn into the output.
    expect(first.stderr).not.toContain('applying [');

    const again = await convene('upload', 'apply', file, '--kind', 'user-group', '--wait');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/completed/);
    expect(again.stdout).toMatch(/members added 0, .*unchanged 3, failed 0/);

    const listed = await convene('jobs', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).jobs.map((j: { id: string }) => j.id)).toContain(job.id);
    const shown = await convene('jobs', job.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`${job.id}  completed  site-crew.csv`);
    expect(shown.stdout).toContain('UPLOAD_APPLIED');
  });

  test('when it runs in a terminal, then applying draws a progress bar up to the last row', async () => {
    const file = path.join(dataDir, 'yard.csv');
    writeFileSync(file, 'Group Name,Phone Number,User Type\nYard,9988554501,Admin\nYard,9988554502,Member\n');
    // `script` (Debian's bsdutils) gives the command a pseudo-terminal, as a person's shell would.
    const command = [process.execPath, path.join(repo, 'bin/convene.js'), 'upload', 'apply', file]
      .concat(['--kind', 'user-group', '--wait'])
      .map((part) => `'${part}'`)
      .join(' ');
    const run = await runProgram('script', ['-qec', command, '/dev/null']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('applying [');
    expect(run.stdout).toContain('2/2 rows');
    expect(run.stdout).toContain('completed  yard.csv');
  });

  test('when a file with errors is applied, then it is refused with exit 1 unless only its valid rows are asked for', async () => {
    const file = path.join(fixtures, 'ugm-row-problems.csv');
    const refused = await convene('upload', 'apply', file, '--kind', 'user-group', '--wait');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /Not applied: the file has \d+ errors\. Fix them, or pass --valid-rows-only\./,
    );

    const valid = await convene(
      'upload',
      'apply',
      file,
      '--kind',
      'user-group',
      '--valid-rows-only',
      '--wait',
      '--json',
    );
    const job = JSON.parse(valid.stdout).job;
    expect(['completed', 'partial']).toContain(job.status);
    expect(valid.code).toBe(job.status === 'completed' ? 0 : 1);
    expect(job.rowsDone).toBe(job.rowsValid);
  });
});
