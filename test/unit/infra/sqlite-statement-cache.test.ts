import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../../../src/infra/storage/sqlite-statement-cache';

describe('the SQLite statement cache', () => {
  const open = (capacity?: number) => {
    const raw = new SqliteDatabase(':memory:');
    raw.exec('create table t (n integer); insert into t values (1), (2), (3);');
    return { raw, db: withStatementCache(raw, capacity) };
  };

  test('when the same SQL is prepared twice, then the first statement is reused and still answers right', () => {
    const { db } = open();
    const first = db.prepare('select n from t where n > ?');
    expect(db.prepare('select n from t where n > ?')).toBe(first);
    expect(first.all(1)).toEqual([{ n: 2 }, { n: 3 }]);
  });

  test('when a statement is still being iterated, then a fresh one is prepared rather than shared', () => {
    const { db } = open();
    const iterating = db.prepare('select n from t');
    const rows = iterating.iterate();
    rows.next();
    const other = db.prepare('select n from t');
    expect(other).not.toBe(iterating);
    expect(other.all()).toHaveLength(3);
    rows.return?.();
  });

  test('when more statements are prepared than it holds, then the least recently used is dropped', () => {
    const { db } = open(2);
    const a = db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1'); // touch a: "select 2" is now the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    const again = db.prepare('select 2');
    expect(again.get()).toEqual({ 2: 2 });
  });

  test('when anything else is called, then it reaches the real database', () => {
    const { db, raw } = open();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(raw.pragma('foreign_keys', { simple: true }));
    db.close();
    expect(raw.open).toBe(false);
  });
});
