import { readFileSync } from 'node:fs';
import { openStorage } from '../../../src/infra/storage/database';
import { workerFor } from '../../support/delivery-world';
import { DomainWorld } from '../../support/domain-world';

/**
 * A delivery worker in its own process, for the crash test: it works through the queue in
 * DATA_DIR until it is killed.
 */
async function main(): Promise<void> {
  const storage = await openStorage({ dataDir: process.env.DATA_DIR! });
  const entries = JSON.parse(readFileSync(process.env.DIRECTORY_FILE!, 'utf8'));
  const worker = workerFor(storage, new DomainWorld(storage), entries, {
    workerId: `crash-${process.pid}`,
    ratePerSecond: 150,
    leaseMs: 1500,
    batchSize: 25,
  });
  worker.start();
  // Never outlive the test that started it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 250);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
