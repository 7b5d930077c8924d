import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStorage, type Storage } from '../../../src/infra/storage/database';

describe('SQLite write-ahead log', () => {
  let dir: string;
  let storage: Storage;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convene-wal-'));
    storage = await openStorage({ dataDir: dir });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when many small transactions commit, then their pages reach the database file without any commit running the checkpoint itself', async () => {
    const file = path.join(dir, 'convene.sqlite');
    const before = statSync(file).size;
    // 4 MB in 40 transactions: about 1,000 WAL pages, far under the connection's own autocheckpoint
    // (10,000), so only the checkpointer can have copied them into the file.
    for (let t = 0; t < 40; t++) {
      await storage.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 10; i++) {
          await sql`insert into audit_entries (id, at, actor_id, action, group_id, job_id, details)
            values (${`wal-${t}-${i}`}, 'at', null, 'test', null, null, ${'x'.repeat(10_000)})`.execute(trx);
        }
      });
    }
    const deadline = Date.now() + 5000;
    while (statSync(file).size - before < 4_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(file).size - before).toBeGreaterThanOrEqual(4_000_000);
  });
});
