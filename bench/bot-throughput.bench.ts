import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Benchmark, Figure } from './figure';

/**
 * B1/B2: turns per second and latency of Convene's bot through /api/messages (auth off, replies to a
 * loopback Bot Connector), side by side with a bare botbuilder echo bot on the same stack (restify,
 * CloudAdapter, the same route). Each bot runs in its own process, as in production; the load and
 * the connector run here. 32 conversations each send turns back to back, alternating
 * `create group …` and `groups` (the echo bot just echoes them). The two bots alternate for several
 * rounds and the medians are compared.
 *
 * For diagnosis: BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each bot process, BENCH_NODE_FLAGS
 * passes Node flags to both bots, BENCH_CHILD_STDOUT=1 shows their standard output (e.g. --trace-gc).
 */

const CONVERSATIONS = 32;
const WARM_UP_TURNS = 6;
const MEASURED_TURNS = 40;
/** Echo and Convene take turns this many times; medians are reported, so a burst of other load on the machine skews neither. */
const ROUNDS = 3;
const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';

type BotKind = 'convene' | 'echo';

interface Run {
  turnsPerSecond: number;
  /** CPU the bot's process spent per turn (user + system), warm-up included: steadier than wall time. */
  cpuMsPerTurn: number;
  p50: number;
  p99: number;
  failures: number;
}

/** The loopback Bot Connector: accepts every reply at once, as a healthy connector would. */
function startConnector(): Promise<{ server: Server; url: string; replies: () => number }> {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      replies++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"reply"}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        replies: () => replies,
      }),
    ),
  );
}

/** Starts one bot in its own process and resolves with its /api/messages URL. */
function startBot(kind: BotKind, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(__filename, ['--serve', kind, dataDir], {
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of each bot process there, to see where a turn's time goes.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : []),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`the ${kind} bot exited (${code}) before listening`)));
  });
}

/** The bot process's CPU time so far, in ms. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMs: number }).cpuMs));
    child.send('cpu');
  });
}

async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Drives 32 conversations against one bot; measures after each has warmed up. */
async function drive(endpoint: string, connectorUrl: string): Promise<Omit<Run, 'cpuMsPerTurn'>> {
  const latencies: number[] = [];
  let failures = 0;
  let measuring = 0;
  let started = 0;
  const conversation = async (n: number) => {
    const user = { id: `29:${randomUUID()}`, name: `Admin ${n}`, aadObjectId: randomUUID() };
    const conversationId = `a:${randomUUID()}`;
    for (let turn = 0; turn < WARM_UP_TURNS + MEASURED_TURNS; turn++) {
      if (turn === WARM_UP_TURNS && ++measuring === CONVERSATIONS) started = performance.now();
      const text = turn % 2 === 0 ? `create group Shift ${n}-${turn}` : 'groups';
      const body = JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text,
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        from: user,
        recipient: { id: '28:convene', name: 'Convene' },
        conversation: { id: conversationId, tenantId: LOCAL_TENANT, conversationType: 'personal' },
      });
      const t0 = performance.now();
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      const elapsed = performance.now() - t0;
      if (response.status !== 200) failures++;
      if (turn >= WARM_UP_TURNS && measuring === CONVERSATIONS) latencies.push(elapsed);
    }
  };
  await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => conversation(n)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failures,
  };
}

/** The run with the median throughput (its latencies come with it). */
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.turnsPerSecond - b.turnsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { ...middle, failures: runs.reduce((sum, run) => sum + run.failures, 0) };
}

async function measure(kind: BotKind, connectorUrl: string): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `convene-bench-${kind}-`));
  const bot = await startBot(kind, dataDir);
  try {
    const before = await cpuOf(bot.child);
    const run = await drive(bot.url, connectorUrl);
    const spent = (await cpuOf(bot.child)) - before;
    return { ...run, cpuMsPerTurn: spent / (CONVERSATIONS * (WARM_UP_TURNS + MEASURED_TURNS)) };
  } finally {
    await stopBot(bot.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const botThroughputBenchmark: Benchmark = {
  ids: ['B1', 'B2'],
  title: `bot turns through /api/messages, ${CONVERSATIONS} conversations, Convene vs a bare echo bot`,
  async run(): Promise<Figure[]> {
    const connector = await startConnector();
    try {
      const echoRuns: Run[] = [];
      const conveneRuns: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        echoRuns.push(await measure('echo', connector.url));
        conveneRuns.push(await measure('convene', connector.url));
      }
      const echo = median(echoRuns);
      const convene = median(conveneRuns);
      const round = (n: number) => Number(n.toFixed(1));
      return [
        {
          id: 'B1',
          figure: 'Convene turns/s ÷ echo bot turns/s (create group + groups)',
          value: convene.turnsPerSecond / echo.turnsPerSecond,
          unit: 'ratio',
          target: '>= 0.7',
          notes: {
            conveneTurnsPerSecond: round(convene.turnsPerSecond),
            echoTurnsPerSecond: round(echo.turnsPerSecond),
            conveneCpuMsPerTurn: convene.cpuMsPerTurn.toFixed(2),
            echoCpuMsPerTurn: echo.cpuMsPerTurn.toFixed(2),
            failures: convene.failures + echo.failures,
          },
        },
        {
          id: 'B2',
          // A ratio against the echo bot on the same stack in the same run: an absolute figure measured
          // the machine of the day more than Convene (closed-loop drivers make p99 ≈ load ÷ throughput).
          figure: `Convene p99 ÷ echo bot p99 turn latency at ${CONVERSATIONS} concurrent conversations`,
          value: convene.p99 / echo.p99,
          unit: 'ratio',
          target: '<= 1.5',
          notes: {
            conveneP50: round(convene.p50),
            conveneP99: round(convene.p99),
            echoP50: round(echo.p50),
            echoP99: round(echo.p99),
            replies: connector.replies(),
          },
        },
      ];
    } finally {
      await new Promise<void>((resolve) => connector.server.close(() => resolve()));
    }
  },
};

/** The child side: `--serve convene|echo <dataDir>` starts that bot and reports its endpoint. */
async function serve(kind: BotKind, dataDir: string): Promise<void> {
  const { createLogger } = await import('../src/infra/logging/logger');
  const logger = createLogger('silent');
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'convene') {
    const { startApp } = await import('../src/app');
    const { loadConfig } = await import('../src/config');
    const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), logger);
    url = `${app.url}/api/messages`;
    close = app.stop;
  } else {
    const restify = (await import('restify')).default;
    const { ActivityHandler } = await import('botbuilder');
    const { createBotAdapter } = await import('../bot/bot-adapter');
    const { registerBotRoutes } = await import('../src/server/routes/bot.routes');
    const echo = new ActivityHandler();
    echo.onMessage(async (turn, next) => {
      await turn.sendActivity(`echo: ${turn.activity.text}`);
      await next();
    });
    const server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
    const adapter = createBotAdapter(
      { appId: undefined, appPassword: undefined, appType: 'SingleTenant', tenantId: undefined },
      logger,
    );
    registerBotRoutes(server, { logger }, adapter, echo);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }
  process.send!({ url });
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1000 });
  });
  process.on('SIGTERM', () => void close().then(() => process.exit(0)));
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3] as BotKind, process.argv[4]!).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
