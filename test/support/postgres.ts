import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server the suites use: this machine's, unless TEST_DATABASE_URL says otherwise. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Set by the global setup after probing the server once for the whole run. */
export const postgresAvailable = (): boolean => process.env.CONVENE_TEST_POSTGRES === 'available';

export async function probePostgres(): Promise<string | undefined> {
  const client = new Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other run or test file will use. */
export const uniqueSchemaName = (): string => `convene_test_${process.pid}_${randomBytes(4).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
