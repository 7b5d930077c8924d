import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core';

/** Migrations ship inside the build (no file-system scan), named so they sort in order. */
const migrations: Record<string, Migration> = {
  '0001-core': core,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
