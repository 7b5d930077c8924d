import type SqliteDatabase from 'better-sqlite3';

type Statement = SqliteDatabase.Statement;

/**
 * Kysely asks better-sqlite3 to prepare every query anew, so SQLite parses and plans the same few
 * hundred statements on every turn. This keeps the most recent ones by their SQL text. A statement
 * that is still being iterated (busy) is never handed out twice: a fresh one is prepared instead.
 */
export function withStatementCache(
  database: SqliteDatabase.Database,
  capacity = 500,
): SqliteDatabase.Database {
  const cache = new Map<string, Statement>();
  const prepare = (source: string): Statement => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      // Re-inserting keeps the Map in least-recently-used order.
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = database.prepare(source);
    cache.set(source, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
