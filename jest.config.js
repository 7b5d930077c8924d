/**
 * Jest runs TypeScript through swc (type-checking is `npm run typecheck`). The few ESM-only
 * dependencies (jose, FormatJS) are transpiled to CommonJS for Jest's module loader; Node itself loads them natively.
 */
const esmOnly = ['jose', '@formatjs', 'intl-messageformat'];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    '^.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 30000,
  // One test file per core, not Jest's default of one fewer: most suites wait on servers, browsers and
  // timers, so on two cores the second worker fills the first's waits (about 1,100 s → 770 s).
  maxWorkers: '100%',
};
