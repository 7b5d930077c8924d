import type { DialectAdapter } from 'kysely';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * SQL text of multi-row statements by dialect and shape. Kysely builds and compiles a statement
 * of 500 rows value by value every time (thousands of nodes); bulk uploads run thousands of them,
 * so each shape is compiled once, with placeholders, and reused with fresh parameters.
 */
const compiled = new WeakMap<DialectAdapter, Map<string, string>>();

/** Builds the statement for placeholder rows; it must only place the values (no logic on them). */
type BuildStatement = (placeholders: Record<string, unknown>[]) => { compile(): CompiledQuery };

/** Bound values per statement: well under SQLite's limit, and small enough to keep prepared. */
const MAX_PARAMETERS = 4096;

/**
 * Runs `build` for any number of rows (each an array of values in `columns` order), compiling each
 * statement once per dialect, `shape` and row count, and returns what the statements return.
 *
 * Rows go out in pieces of power-of-two sizes: as many of the largest that fits MAX_PARAMETERS as
 * they fill, then the rest by its binary digits (437 rows: 256 + 128 + 32 + 16 + 4 + 1). Every
 * distinct row count is a statement SQLite keeps prepared (the statement cache holds hundreds, some
 * of them large); batches end on all sorts of counts, so without this a million-row upload piled up
 * a statement per count.
 */
export async function executeMultiRow<R>(
  db: Kysely<Database>,
  shape: string,
  columns: readonly string[],
  rows: unknown[][],
  build: BuildStatement,
): Promise<R[]> {
  const results: R[] = [];
  const largest = highestPowerOfTwo(Math.max(1, Math.floor(MAX_PARAMETERS / columns.length)));
  let start = 0;
  for (let size = largest; start < rows.length; ) {
    if (rows.length - start < size) {
      size >>= 1;
      continue;
    }
    results.push(...(await executePiece<R>(db, shape, columns, rows.slice(start, start + size), build)));
    start += size;
  }
  return results;
}

function highestPowerOfTwo(n: number): number {
  let power = 1;
  while (power * 2 <= n) power *= 2;
  return power;
}

async function executePiece<R>(
  db: Kysely<Database>,
  shape: string,
  columns: readonly string[],
  rows: unknown[][],
  build: BuildStatement,
): Promise<R[]> {
  const adapter = db.getExecutor().adapter;
  let byShape = compiled.get(adapter);
  if (!byShape) {
    byShape = new Map();
    compiled.set(adapter, byShape);
  }
  const key = `${shape}:${rows.length}`;
  let sql = byShape.get(key);
  if (sql === undefined) {
    const placeholders = rows.map(() => Object.fromEntries(columns.map((column) => [column, null])));
    const query = build(placeholders).compile();
    if (query.parameters.length !== rows.length * columns.length) {
      throw new Error(`${shape}: the statement must take exactly one parameter per value`);
    }
    sql = query.sql;
    byShape.set(key, sql);
  }
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let next = 0;
  for (const row of rows) for (const value of row) parameters[next++] = value;
  const result = await db.executeQuery<R>(CompiledQuery.raw(sql, parameters));
  return result.rows;
}
