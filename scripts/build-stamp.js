// Whether the compiled build is current, and building only the parts that are not.
//
// "Current" means: the build was made from exactly the sources there are now. Each part's build leaves a
// stamp (`dist/.build-stamp`, `tab/dist/.build-stamp`) holding a SHA-256 of its inputs' paths and
// contents, taken before it compiled. Contents rather than modification times, because a `git checkout`
// or a copy changes times without changing code (and can restore old code with new times); hashing the
// 2 MB of sources takes a few tens of milliseconds, far less than starting tsx.
//
// Plain CommonJS on purpose: `bin/convene.js` and `npm start` must decide before any TypeScript tooling
// is loaded (that is the whole point). `node scripts/build-stamp.js build` is `npm start`'s prestart.
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * The two parts of the build: what each is compiled from, where its stamp lives, and the npm script that
 * builds it. The tab takes only types from `src/` (erased by Vite), so server changes never rebuild it.
 */
const parts = {
  server: {
    inputs: ['src', 'bot', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    stamp: 'dist/.build-stamp',
    script: 'build:server',
  },
  tab: {
    inputs: ['tab', 'package-lock.json'],
    excluded: ['tab/dist'],
    stamp: 'tab/dist/.build-stamp',
    script: 'build:tab',
  },
};

/** Every file under the given paths, relative to root with `/` separators, sorted. */
function inputFiles(root, inputs, excluded = []) {
  const files = [];
  const visit = (relative) => {
    if (excluded.includes(relative)) return;
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute)) visit(`${relative}/${name}`);
    } else {
      files.push(relative);
    }
  };
  for (const input of inputs) visit(input);
  return files.sort();
}

/** The SHA-256 of a part's input files (names and contents): what its stamp must hold to be current. */
function fingerprint(root, partName) {
  const part = parts[partName];
  const hash = createHash('sha256');
  for (const file of inputFiles(root, part.inputs, part.excluded)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether the part's last build was made from the sources as they are now. */
function isCurrent(root, partName) {
  const stampFile = path.join(root, parts[partName].stamp);
  if (!existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === fingerprint(root, partName);
}

/** Records that the part's build was made from sources with this fingerprint. */
function writeStamp(root, partName, sourcesFingerprint) {
  writeFileSync(path.join(root, parts[partName].stamp), `${sourcesFingerprint}\n`);
}

/**
 * Builds each part whose stamp is not current, with its own npm script, and stamps it with the
 * fingerprint taken before compiling (a file edited during the build leaves the part stale, as it is).
 * With `all`, builds every part (`npm run build`). Returns the parts it built.
 */
function buildChanged(root, { all = false, run = runNpmScript } = {}) {
  const built = [];
  for (const partName of Object.keys(parts)) {
    const before = fingerprint(root, partName);
    const stampFile = path.join(root, parts[partName].stamp);
    if (!all && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === before) continue;
    run(root, parts[partName].script);
    writeStamp(root, partName, before);
    built.push(partName);
  }
  return built;
}

function runNpmScript(root, script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`convene: npm run ${script} failed; nothing was started.\n`);
    process.exit(result.status ?? 1);
  }
}

module.exports = { parts, fingerprint, isCurrent, writeStamp, buildChanged };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  if (process.argv[2] !== 'build') {
    process.stderr.write('usage: node scripts/build-stamp.js build [--all]\n');
    process.exit(2);
  }
  const built = buildChanged(root, { all: process.argv.includes('--all') });
  process.stdout.write(
    built.length === 0 ? 'The build is current: nothing to compile.\n' : `Built: ${built.join(', ')}.\n`,
  );
}
