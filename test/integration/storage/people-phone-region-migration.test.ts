import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { openStorage, type Storage } from '../../../src/infra/storage/database';
import { migrationProvider } from '../../../src/infra/storage/migrations';
import { dropSchema, postgresAvailable, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

/** People as a database before migration 0013 held them: phone numbers without their region. */
async function seedBefore0013(db: Kysely<unknown>, options: { migrationTableSchema?: string } = {}) {
  const migrator = new Migrator({ db, provider: migrationProvider, ...options });
  const { error } = await migrator.migrateTo('0012-person-identifiers');
  if (error) throw error;
  // biome-ignore lint/suspicious/noExplicitAny: the table as it stood before 0013
  const people = db as Kysely<any>;
  const at = '2026-01-05T09:00:00.000Z';
  await people
    .insertInto('people')
    .values([
      { id: 'p1', phone: '+919988554401', created_at: at },
      { id: 'p2', phone: '+14165550123', created_at: at },
      { id: 'p3', phone: '+12025550143', created_at: at },
      { id: 'p4', phone: null, aad_object_id: 'aad-4', tenant_id: 't', created_at: at },
    ])
    .execute();
  await db.destroy();
}

const regions = async (storage: Storage) =>
  (await storage.db.selectFrom('people').select(['id', 'phone_region']).orderBy('id').execute()).map(
    (r) => `${r.id}:${r.phone_region}`,
  );

describe('migration 0013 gives the people already known the region of their phone', () => {
  test('when a SQLite database from before is opened, then every number gets its own region (CA apart from US)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-0013-'));
    try {
      await seedBefore0013(
        new Kysely({
          dialect: new SqliteDialect({ database: new SqliteDatabase(path.join(dir, 'convene.sqlite')) }),
        }),
      );
      const storage = await openStorage({ dataDir: dir });
      expect(await regions(storage)).toEqual(['p1:IN', 'p2:CA', 'p3:US', 'p4:null']);
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (postgresAvailable() ? test : test.skip)(
    'when a PostgreSQL database from before is opened, then every number gets its own region',
    async () => {
      const schema = uniqueSchemaName();
      const pool = new Pool({
        connectionString: testDatabaseUrl,
        max: 1,
        options: `-c search_path=${schema}`,
      });
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
      await sql`create schema ${sql.id(schema)}`.execute(db);
      try {
        await seedBefore0013(db, { migrationTableSchema: schema });
        const storage = await openStorage({ databaseUrl: testDatabaseUrl, dataDir: ':memory:', schema });
        expect(await regions(storage)).toEqual(['p1:IN', 'p2:CA', 'p3:US', 'p4:null']);
        await storage.close();
      } finally {
        await dropSchema(schema);
      }
    },
  );
});
