import { openStorage, type Storage } from '../../src/infra/storage/database';
import { dropSchema, postgresAvailable, testDatabaseUrl, uniqueSchemaName } from './postgres';

export interface StorageUnderTest {
  storage: Storage;
  dispose(): Promise<void>;
}

export interface DialectCase {
  dialect: 'sqlite' | 'postgres';
  open(): Promise<StorageUnderTest>;
}

const sqlite: DialectCase = {
  dialect: 'sqlite',
  open: async () => {
    const storage = await openStorage({ dataDir: ':memory:' });
    return { storage, dispose: () => storage.close() };
  },
};

const postgres: DialectCase = {
  dialect: 'postgres',
  open: async () => {
    const schema = uniqueSchemaName();
    const storage = await openStorage({ databaseUrl: testDatabaseUrl, dataDir: ':memory:', schema });
    return {
      storage,
      dispose: async () => {
        await storage.close();
        await dropSchema(schema);
      },
    };
  },
};

/**
 * Runs the same suite on SQLite and PostgreSQL. Without PostgreSQL (never under CI: the global setup
 * fails the run) its half shows up as skipped rather than silently missing.
 */
export function describeEachDialect(title: string, suite: (dialect: DialectCase) => void): void {
  for (const dialect of [sqlite, postgres]) {
    const run = dialect.dialect === 'sqlite' || postgresAvailable() ? describe : describe.skip;
    run(`${title} [${dialect.dialect}]`, () => suite(dialect));
  }
}
