#!/usr/bin/env node
// `npx convene …` from a clone. When the compiled build in dist/ was made from the sources as they are
// now (its build stamp matches: scripts/build-stamp.js), it runs that: plain JavaScript, starting in a
// fraction of the time. Otherwise it runs the TypeScript sources through tsx (a dev dependency), so the
// CLI always matches the code beside it, right after `npm install` or an edit, without a build step.
const path = require('node:path');
const { isCurrent } = require('../scripts/build-stamp.js');

const root = path.join(__dirname, '..');
if (isCurrent(root, 'server')) {
  require(path.join(root, 'dist', 'src', 'cli', 'main.js'));
} else {
  process.stderr.write(
    'convene: running from the TypeScript sources (the build in dist/ is missing or older than them; `npm run build` or `npm start` brings it up to date)\n',
  );
  require('tsx/cjs');
  require(path.join(root, 'src', 'cli', 'main.ts'));
}
