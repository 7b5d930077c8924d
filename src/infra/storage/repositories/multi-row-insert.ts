import type { DialectAdapter } from 'kysely';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * SQL text of multi-row statements by dialect and shape. Kysely builds and compiles a statement
 * of 500 rows value by value every time (thousands of nodes); bulk uploads run thousands of them,
 * so each shape is compiled once, with placeholders, and reused with fresh parameters.
 */
const compiled = new WeakMap<DialectAdapter, Map<string, string>>();

/**
 * Runs `build(rows)` for `rows.length` rows (each an array of values in `columns` order), compiling
 * the statement once per dialect, `shape` and row count. `build` gets placeholder rows whose values
 * are replaced by the real ones at run time, so it must only place them (no logic on the values).
 *
 * Rows go out in pieces of power-of-two sizes (437 rows: 256 + 128 + 32 + 16 + 4 + 1). Every
 * distinct row count is a statement SQLite keeps prepared (the statement cache holds hundreds, some
 * of them large); batches end on all sorts of counts, so without this a million-row upload piled up
 * a statement per count. Callers pick power-of-two chunk sizes, so a full chunk is one statement.
 */
export async function executeMultiRow<R>(
  db: Kysely<Database>,
  shape: string,
  columns: readonly string[],
  rows: unknown[][],
  build: (placeholders: Record<string, unknown>[]) => { compile(): CompiledQuery },
): Promise<R[]> {
  const results: R[] = [];
  let start = 0;
  for (let size = highestPowerOfTwo(rows.length); start < rows.length; size >>= 1) {
    if (rows.length - start < size) continue;
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
  build: (placeholders: Record<string, unknown>[]) => { compile(): CompiledQuery },
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
