import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage } from '../src/infra/storage/database';
import { drained, seedInvites, workerFor } from '../test/support/delivery-world';
import { DomainWorld } from '../test/support/domain-world';
import type { Benchmark } from './figure';

const INVITES = 750;
const LIMIT = 50;

/** Starts the loopback connector in its own process, so its clock is not disturbed by the sender's. */
export async function startConnector(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../test/fakes/bot-connector-server.ts')],
    {
      env: { ...process.env, PER_APP: String(LIMIT), PER_CONVERSATION: '7' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`connector exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

/** P5: invites delivered per second against a connector that enforces Teams' 50 requests/s, ÷ 50. */
export const deliveryPacingBenchmark: Benchmark = {
  ids: ['P5'],
  title: `deliver ${INVITES} invite cards through a loopback connector enforcing ${LIMIT} requests/s`,
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-bench-'));
    const storage = await openStorage({ dataDir: dir });
    const connector = await startConnector();
    try {
      const world = new DomainWorld(storage);
      const { entries } = await seedInvites(storage, world, {
        people: INVITES,
        groups: 1,
        connectorUrl: connector.url,
      });
      const worker = workerFor(storage, world, entries, {
        ratePerSecond: LIMIT,
        perConversationPerSecond: 7,
      });
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      worker.start();
      const counts = await drained(storage, 120_000);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      await worker.stop();
      const stats = (await (await fetch(`${connector.url}/_stats`)).json()) as {
        accepted: number;
        throttled: { app: number; conversation: number };
        deliveries: Record<string, number>;
        firstAt: number;
        lastAt: number;
      };
      const delivered = Object.keys(stats.deliveries).length;
      const duplicates = Object.values(stats.deliveries).filter((n) => n > 1).length;
      const perSecond = (counts.sent ?? 0) / seconds;
      return [
        {
          id: 'P5',
          figure: 'invites delivered per second ÷ the 50/s limit',
          value: perSecond / LIMIT,
          unit: 'ratio',
          target: '>= 0.95',
          notes: {
            invitesPerSecond: perSecond.toFixed(2),
            limit: LIMIT,
            invites: INVITES,
            lost: INVITES - delivered,
            duplicates,
            throttledByConnector: stats.throttled.app + stats.throttled.conversation,
            seconds: seconds.toFixed(2),
            firstToLastS: ((stats.lastAt - stats.firstAt) / 1000).toFixed(2),
            // The sender's CPU per invite: on a slow machine, what leaves the pacer's timers late.
            cpuMsPerInvite: ((cpu.user + cpu.system) / 1000 / INVITES).toFixed(2),
          },
        },
      ];
    } finally {
      connector.stop();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
