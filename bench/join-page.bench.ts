import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Benchmark, Figure } from './figure';
import { LoopbackPhone } from './loopback-phone';

/**
 * J1/J2: the join page a poster's QR code opens. J1 is what a phone downloads on a first visit (HTML,
 * CSS and script as the server sends them gzipped; the preview image is for chat apps, not the page).
 * J2 opens the page 2,000 times from 200 concurrent connections (each connected before the clock
 * starts) while /healthz is probed on the same connections, and compares the two p99s; link-preview
 * fetches are mixed in, and the image must be rendered at most once. Convene runs in its own process
 * (local mode, SQLite, default settings), as in production; the load runs here. Each connection is one
 * phone with its own loopback address, so the public pages' per-address budget applies as it does to
 * real phones (each opens the page ten times, well within it).
 */

const JOIN_GETS = 2000;
const CONNECTIONS = 200;
/** A /healthz probe after every this many join-page GETs on each connection. */
const PROBE_EVERY = 4;
/** A preview-image fetch after every this many join-page GETs on each connection. */
const PREVIEW_EVERY = 5;

function startConvene(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(__filename, ['--serve', dataDir], {
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of the Convene process there, to see where a page's time goes.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`Convene exited (${code}) before listening`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function timed(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ms: number; response: Response }> {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return { ms: performance.now() - t0, response };
}

/** A GET as its bytes arrived (still compressed, if they were), with the answer's headers. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** A group and its invite link, made through the API as the local org admin. */
async function inviteLink(base: string): Promise<string> {
  const created = await fetch(`${base}/api/v1/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A personal group: the page's longest form (three ways, and the country list to read the number in).
    body: JSON.stringify({ name: 'Store 12 – Night shift', personal: true }),
  });
  const { group } = (await created.json()) as { group: { id: string } };
  const link = await fetch(`${base}/api/v1/groups/${group.id}/invite-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ maxUses: 5000 }),
  });
  return ((await link.json()) as { url: string }).url;
}

export const joinPageBenchmark: Benchmark = {
  ids: ['J1', 'J2', 'J2i'],
  title: 'join page: first-visit transfer, and latency under 200 concurrent connections',
  async run(): Promise<Figure[]> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-bench-join-'));
    const { child, url } = await startConvene(dataDir);
    try {
      const link = await inviteLink(url);
      // What a phone's browser is sent: it asks for gzip, as every mobile browser does.
      const wire = await rawGet(link, { 'accept-encoding': 'gzip, deflate, br' });
      if (wire.headers['content-encoding'] !== 'gzip') throw new Error('The join page came uncompressed.');
      const html = gunzipSync(wire.body);
      // The page inlines its CSS and has no script; a file it linked would have to be counted too.
      const external = (
        html.toString('utf8').match(/<script\b[^>]*\bsrc=|<link\b[^>]*rel="stylesheet"/g) ?? []
      ).length;
      if (external > 0) throw new Error('The join page links files J1 does not count yet.');
      const firstVisit = wire.body.length;

      // Warm-up: each kind of request a few times, so the figures are about steady state.
      for (let i = 0; i < 20; i++) await Promise.all([timed(link), timed(`${url}/healthz`)]);

      const join: number[] = [];
      const health: number[] = [];
      let renders = 0;
      let failures = 0;
      let issued = 0;
      const phones = Array.from({ length: CONNECTIONS }, (_, i) => new LoopbackPhone(i));
      // Every phone connects before the clock starts (one /healthz each, all at once), so neither side
      // of the ratio carries connection set-up: the server takes one new connection per turn of its
      // event loop (libuv ≥ 1.45), and a phone's first request would wait for those turns whatever it
      // asked for. How long that first contact took is kept in the notes.
      const firstContact = await Promise.all(phones.map((phone) => phone.get(`${url}/healthz`)));
      const started = performance.now();
      const connection = async (phone: LoopbackPhone) => {
        for (let n = 0; issued < JOIN_GETS; n++) {
          issued++;
          // Phones' browsers ask for gzip; the page is compressed once per version and shared.
          const visit = await phone.get(link, { 'accept-encoding': 'gzip, deflate, br' });
          join.push(visit.ms);
          if (visit.status !== 200) failures++;
          if (n % PROBE_EVERY === PROBE_EVERY - 1) {
            const probe = await phone.get(`${url}/healthz`);
            health.push(probe.ms);
          }
          if (n % PREVIEW_EVERY === PREVIEW_EVERY - 1) {
            const preview = await phone.get(`${link}/preview.png`);
            if (preview.headers['x-preview-cache'] === 'miss') renders++;
          }
        }
      };
      await Promise.all(phones.map(connection));
      for (const phone of phones) phone.close();
      const seconds = (performance.now() - started) / 1000;
      const round = (v: number) => Math.round(v * 10) / 10;
      return [
        {
          id: 'J1',
          figure: 'join page first-visit transfer (HTML + CSS + JS as sent gzipped; preview image excluded)',
          value: firstVisit / 1024,
          unit: 'KB',
          target: '<= 20',
          notes: { htmlBytes: html.length, externalFiles: external },
        },
        {
          id: 'J2',
          figure: `join page p99 ÷ /healthz p99, ${JOIN_GETS} GETs from ${CONNECTIONS} connections`,
          value: percentile(join, 99) / percentile(health, 99),
          unit: 'ratio',
          target: '<= 3',
          notes: {
            joinP50: round(percentile(join, 50)),
            joinP99: round(percentile(join, 99)),
            healthP99: round(percentile(health, 99)),
            firstContactP99: round(
              percentile(
                firstContact.map((contact) => contact.ms),
                99,
              ),
            ),
            pagesPerSecond: Math.round(JOIN_GETS / seconds),
            previewRenders: renders,
            failures,
          },
        },
        {
          id: 'J2i',
          figure: 'preview images rendered for the link during J2',
          value: renders,
          unit: 'renders',
          target: '<= 1',
        },
      ];
    } finally {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

async function serve(dataDir: string): Promise<void> {
  const { startApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { createLogger } = await import('../src/infra/logging/logger');
  const app = await startApp(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  process.send!({ url: app.url });
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]!).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
