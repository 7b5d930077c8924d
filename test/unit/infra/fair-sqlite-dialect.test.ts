import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { FairSqliteDialect } from '../../../src/infra/storage/fair-sqlite-dialect';

interface Db {
  t: { n: number };
}

describe('the SQLite dialect that serves callers in arrival order', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = new Kysely<Db>({ dialect: new FairSqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    await sql`create table t (n integer)`.execute(db);
  });
  afterEach(() => db.destroy());

  test('when thousands of queries and transactions arrive at once, then each runs whole and in arrival order', async () => {
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 3000 }, (_, i) =>
        i % 3 === 0
          ? db.transaction().execute(async (trx) => {
              order.push(i);
              await trx
                .insertInto('t')
                .values({ n: i + 1 })
                .execute();
              // Nobody else may write between the two statements of a transaction.
              await trx
                .insertInto('t')
                .values({ n: -(i + 1) })
                .execute();
            })
          : db
              .selectFrom('t')
              .select((eb) => eb.fn.countAll<number>().as('rows'))
              .execute()
              .then(() => order.push(i)),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const rows = await db.selectFrom('t').select('n').execute();
    expect(rows).toHaveLength(2000);
    for (let k = 0; k < rows.length; k += 2) expect(rows[k + 1]!.n).toBe(-rows[k]!.n);
  });

  test('when a transaction fails, then it rolls back and the next caller still gets the connection', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 1 }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // better-sqlite3 builds its errors with the class of the first test file that loaded it, so in a
    // full run they are not instances of this file's Error: match on the message instead.
    await expect(sql`select * from missing_table`.execute(db)).rejects.toMatchObject({
      message: expect.stringMatching(/no such table/),
    });
    await db.insertInto('t').values({ n: 2 }).execute();
    expect(await db.selectFrom('t').select('n').execute()).toEqual([{ n: 2 }]);
  });
});
