import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npx convene` and `npm start` decide whether the compiled build is current by its build stamp (a hash
 * of the sources it was made from: scripts/build-stamp.js). Run here as users run them, as child
 * processes, in a small project whose "sources" and "build" say which of them ran and whose build
 * scripts only record that they ran, so the rules are tested without compiling Convene itself.
 */
const repo = path.resolve(__dirname, '../../..');
jest.setTimeout(60_000);

const stamp = require(path.join(repo, 'scripts/build-stamp.js')) as {
  fingerprint(root: string, part: 'server' | 'tab'): string;
  writeStamp(root: string, part: 'server' | 'tab', fingerprint: string): void;
};

const run = (file: string, args: string[], cwd: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const { npm_config_prefix: _prefix, ...env } = process.env;
    execFile(file, args, { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });

/** A project with Convene's bin and build-stamp scripts, a one-line CLI in src/ and its "build" in dist/. */
function makeProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'convene-build-'));
  cpSync(path.join(repo, 'bin/convene.js'), path.join(root, 'bin/convene.js'));
  cpSync(path.join(repo, 'scripts/build-stamp.js'), path.join(root, 'scripts/build-stamp.js'));
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  mkdirSync(path.join(root, 'src/cli'), { recursive: true });
  writeFileSync(path.join(root, 'src/cli/main.ts'), "const ran: string = 'sources';\nconsole.log(ran);\n");
  mkdirSync(path.join(root, 'dist/src/cli'), { recursive: true });
  writeFileSync(path.join(root, 'dist/src/cli/main.js'), "console.log('build');\n");
  mkdirSync(path.join(root, 'tab/src'), { recursive: true });
  writeFileSync(path.join(root, 'tab/src/main.tsx'), 'export {};\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  const record = (part: string) =>
    `node -e "require('fs').appendFileSync('built.log','${part}\\\\n');require('fs').mkdirSync('${part === 'tab' ? 'tab/dist' : 'dist'}',{recursive:true})"`;
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({
      name: 'convene-build-stamp-check',
      private: true,
      scripts: {
        'build:server': record('server'),
        'build:tab': record('tab'),
        prestart: 'node scripts/build-stamp.js build',
        start: 'node -e "console.log(\'started\')"',
      },
    }),
  );
  return root;
}

describe('npx convene', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const convene = () => run(process.execPath, [path.join(root, 'bin/convene.js')], root);

  test('when the build was made from the sources as they are, then it runs the build, not the sources', async () => {
    stamp.writeStamp(root, 'server', stamp.fingerprint(root, 'server'));
    const result = await convene();
    expect(result.stdout.trim()).toBe('build');
    expect(result.stderr).toBe('');
  });

  test('when a source changed after the build, then it runs the sources through tsx and says why', async () => {
    stamp.writeStamp(root, 'server', stamp.fingerprint(root, 'server'));
    writeFileSync(
      path.join(root, 'src/cli/main.ts'),
      "const ran: string = 'sources';\nconsole.log(ran);\n// edit\n",
    );
    const result = await convene();
    expect(result.stdout.trim()).toBe('sources');
    expect(result.stderr).toContain('running from the TypeScript sources');
  });

  test('when there is no build stamp (never built, or built by hand), then it runs the sources', async () => {
    expect((await convene()).stdout.trim()).toBe('sources');
  });

  test('when a checkout only touched a source’s time, then the build is still current', async () => {
    stamp.writeStamp(root, 'server', stamp.fingerprint(root, 'server'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/cli/main.ts'), later, later);
    expect((await convene()).stdout.trim()).toBe('build');
  });
});

describe('npm start', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const npmStart = () => run('npm', ['start', '--silent'], root);
  const builds = () => readFileSync(path.join(root, 'built.log'), 'utf8').trim().split('\n');

  test('when nothing changed since the last start, then it starts without building anything', async () => {
    const first = await npmStart();
    expect(first.code).toBe(0);
    expect(builds()).toEqual(['server', 'tab']);
    const second = await npmStart();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('The build is current: nothing to compile.');
    expect(second.stdout).toContain('started');
    expect(builds()).toEqual(['server', 'tab']);
  });

  test('when only the portal’s sources changed, then only the portal is built again', async () => {
    await npmStart();
    writeFileSync(path.join(root, 'tab/src/main.tsx'), 'export const changed = true;\n');
    const restart = await npmStart();
    expect(restart.stdout).toContain('Built: tab.');
    expect(builds()).toEqual(['server', 'tab', 'tab']);
  });

  test('when a server source changed, then only the server is built again, and the CLI then runs the build', async () => {
    await npmStart();
    writeFileSync(
      path.join(root, 'src/cli/main.ts'),
      "const ran: string = 'sources';\nconsole.log(ran, 2);\n",
    );
    expect((await run(process.execPath, [path.join(root, 'bin/convene.js')], root)).stdout).toContain(
      'sources',
    );
    await npmStart();
    expect(builds()).toEqual(['server', 'tab', 'server']);
    expect((await run(process.execPath, [path.join(root, 'bin/convene.js')], root)).stdout.trim()).toBe(
      'build',
    );
  });
});
