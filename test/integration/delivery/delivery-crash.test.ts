import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage, type Storage } from '../../../src/infra/storage/database';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { drained, seedInvites, workerFor } from '../../support/delivery-world';
import { DomainWorld } from '../../support/domain-world';

const INVITES = 400;

describe('a delivery worker killed mid-delivery', () => {
  let dir: string;
  let storage: Storage;
  let connector: BotConnectorServer;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convene-crash-'));
    storage = await openStorage({ dataDir: dir });
    connector = new BotConnectorServer({ perApp: 1000, perConversation: 7 });
    await connector.start();
  });
  afterEach(async () => {
    await connector.stop();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when it is killed with SIGKILL and another starts, then every invite arrives and only a request in flight at the crash can repeat', async () => {
    const world = new DomainWorld(storage);
    const { entries } = await seedInvites(storage, world, {
      people: INVITES,
      groups: 1,
      connectorUrl: connector.url,
    });
    const directoryFile = path.join(dir, 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(entries));

    const child = startWorkerProcess(dir, directoryFile);
    await until(() => connector.accepted.length >= 120);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const atCrash = connector.accepted.length;
    expect(atCrash).toBeLessThan(INVITES);
    // Invites the dead worker had sent out but not recorded: the only ones that may arrive twice.
    const inFlight = new Set(
      (
        await storage.db
          .selectFrom('card_invites')
          .select('id')
          .where('state', '=', 'queued')
          .where('sending_since', 'is not', null)
          .execute()
      ).map((row) => row.id),
    );

    const survivor = workerFor(storage, world, entries, { ratePerSecond: 150, leaseMs: 1500 });
    survivor.start();
    const counts = await drained(storage, 30_000);
    await survivor.stop();

    expect(counts).toEqual({ sent: INVITES });
    const deliveries = connector.deliveriesByInvite();
    expect(deliveries.size).toBe(INVITES);
    const repeated = [...deliveries].filter(([, n]) => n > 1).map(([id]) => id);
    expect(repeated.every((id) => inFlight.has(id))).toBe(true);
    expect([...deliveries.values()].every((n) => n <= 2)).toBe(true);
    expect(inFlight.size).toBeLessThanOrEqual(25);
  }, 60_000);
});

function startWorkerProcess(dataDir: string, directoryFile: string): ChildProcess {
  // Node itself with tsx's loader, not the tsx launcher: SIGKILL must hit the worker, not a wrapper.
  return spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'delivery-crash-worker.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
