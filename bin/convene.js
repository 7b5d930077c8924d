#!/usr/bin/env node
// `npx convene …` from a clone: runs the TypeScript sources through tsx (installed with the project's
// dev dependencies), so the CLI always matches the code beside it without a build step.
const path = require('node:path');
require('tsx/cjs');
require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
