/**
 * A bare upload worker process for the two-worker test: applies the upload jobs it can claim in the
 * given PostgreSQL schema until there are none left, then exits.
 */
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createUploadRuntime } from '../../../src/infra/jobs/upload-jobs';
import { createLogger } from '../../../src/infra/logging/logger';
import { openStorage } from '../../../src/infra/storage/database';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';

async function main(): Promise<void> {
  const [databaseUrl, schema, dataDir, owner] = process.argv.slice(2) as [string, string, string, string];
  const storage = await openStorage({ databaseUrl, schema, dataDir });
  const ctx = { uow: new KyselyUnitOfWork(storage.db), clock: systemClock };
  const settings = { maxBytes: 1e9, batchRows: 25, jobLeaseMs: 30_000 };
  const { runner } = createUploadRuntime(ctx, dataDir, settings, createLogger('silent'), { owner });
  let idle = 0;
  while (idle < 5) {
    if (await runner.runOnce()) idle = 0;
    else {
      idle++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await storage.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
