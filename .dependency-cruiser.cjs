/** Layer rules: data flows transport -> use case -> ports -> infra; the domain imports no framework. */
const frameworks = [
  'botbuilder',
  'botframework-',
  'restify',
  '@azure/msal-node',
  '@microsoft/microsoft-graph-client',
  'kysely',
  'pg',
  'better-sqlite3',
  'pino',
  'adaptivecards',
];
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      severity: 'error',
      comment: 'src/domain stays framework-free: it talks to the outside world through ports.',
      from: { path: '^src/domain' },
      to: {
        path: `^node_modules/(${frameworks.map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`,
      },
    },
    {
      name: 'domain-imports-no-outer-layer',
      severity: 'error',
      comment: 'src/domain must not reach into infra, server, the bot or configuration.',
      from: { path: '^src/domain' },
      to: { path: '^(src/(infra|server|config|main)|bot)' },
    },
    {
      name: 'infra-imports-no-transport',
      severity: 'error',
      from: { path: '^src/infra' },
      to: { path: '^(src/server|bot)' },
    },
    {
      name: 'storage-imports-no-other-infra',
      severity: 'error',
      comment:
        'Storage is the bottom of infra: every repository lives in src/infra/storage, and other infra folders (delivery, jobs, graph…) use it, never the reverse, so no two folders import each other.',
      from: { path: '^src/infra/storage' },
      to: { path: '^src/infra/(?!storage/)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist|^test)' },
  },
};
