import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { FairSqliteDialect } from './fair-sqlite-dialect';
import { migrationProvider } from './migrations';
import type { Database } from './schema';
import { withStatementCache } from './sqlite-statement-cache';
import { startWalCheckpointer } from './wal-checkpointer';

export type DialectName = 'sqlite' | 'postgres';

export interface StorageOptions {
  /** `postgres://…` for PostgreSQL; absent for the embedded SQLite file. */
  databaseUrl?: string;
  /** Where the SQLite file lives (ignored for PostgreSQL). `:memory:` keeps it in memory. */
  dataDir: string;
  /** PostgreSQL schema to use instead of `public` (tests give every run its own). */
  schema?: string;
}

export interface Storage {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Answers quickly whether the database can be reached (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const schemaPattern = /^[a-z_][a-z0-9_]*$/;

/** The embedded database's file in a data directory. */
export function sqliteFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'convene.sqlite');
}

function openSqlite(dataDir: string): Kysely<Database> {
  const file = sqliteFile(dataDir);
  if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers continue while a writer commits; foreign keys are off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // The WAL is checkpointed by a worker thread (wal-checkpointer.ts), off the event loop. This
  // connection's own checkpoint, run inside a commit, is the backstop at ~40 MB: bulk uploads write
  // hundreds of thousands of rows, and a checkpoint every 4 MB would rewrite the same pages many times.
  database.pragma('wal_autocheckpoint = 10000');
  return new Kysely<Database>({ dialect: new FairSqliteDialect({ database: withStatementCache(database) }) });
}

function openPostgres(url: string, schema: string | undefined): Kysely<Database> {
  if (schema && !schemaPattern.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the configured database and brings its schema up to date. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const dialect: DialectName = options.databaseUrl ? 'postgres' : 'sqlite';
  const db = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema)
    : openSqlite(options.dataDir);
  try {
    if (dialect === 'postgres' && options.schema) {
      await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    }
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(dialect === 'postgres' && options.schema ? { migrationTableSchema: options.schema } : {}),
    });
    await migrateToLatest(migrator);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const file = dialect === 'sqlite' ? sqliteFile(options.dataDir) : ':memory:';
  const checkpointer = file === ':memory:' ? undefined : startWalCheckpointer(file);
  return {
    db,
    dialect,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * What PostgreSQL answers when a schema, table or column that a catalog query was reading is dropped or
 * renamed under it: 3F000 (schema), 42P01 (table), 42703 (column).
 */
const CHANGED_UNDER_US = new Set(['3F000', '42P01', '42703']);

/**
 * Brings the schema up to date. On PostgreSQL, Kysely's migrator first lists every table of every schema
 * (calling `pg_get_serial_sequence` per column); another schema being dropped or migrated while that query
 * runs makes it fail with "schema / relation / column … does not exist" (seen with test schemas created,
 * migrated and dropped by parallel test files). That is the other schema's race, not ours: asking again is
 * enough. A migration of our own that fails the same way fails again, and is thrown after the last try.
 */
async function migrateToLatest(migrator: Migrator, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    if (!CHANGED_UNDER_US.has((error as { code?: string }).code ?? '') || attempt >= attempts) throw error;
  }
}
