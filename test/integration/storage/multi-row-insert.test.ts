import { openStorage, type Storage } from '../../../src/infra/storage/database';
import { executeMultiRow } from '../../../src/infra/storage/repositories/multi-row-insert';

const columns = ['id', 'at', 'actor_id', 'action', 'group_id', 'job_id', 'details'] as const;

describe('multi-row inserts', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await openStorage({ dataDir: ':memory:' });
  });
  afterEach(() => storage.close());

  test('when row sets of every size up to 600 are inserted, then all rows land and at most ten statement shapes are used', async () => {
    const statements = new Set<string>();
    let id = 0;
    for (let n = 1; n <= 600; n++) {
      const rows = Array.from({ length: n }, () => [`a${id++}`, 'at', null, 'test', null, null, '{}']);
      // `build` runs only when a row count is met for the first time: each run is one new statement.
      await executeMultiRow(storage.db, 'insert audit test', columns, rows, (placeholders) => {
        const query = storage.db.insertInto('audit_entries').values(placeholders as never);
        statements.add(query.compile().sql);
        return query;
      });
    }
    const count = await storage.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe((600 * 601) / 2);
    expect(statements.size).toBeLessThanOrEqual(10);
  });
});
