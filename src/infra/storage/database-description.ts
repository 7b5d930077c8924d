import { type StorageOptions, sqliteFile } from './database';

/**
 * Which database a process uses, in words for people and logs: the SQLite file, or the PostgreSQL URL
 * with its password replaced by `***` (a URL someone pastes into a ticket must not carry it).
 */
export function describeDatabase(options: Pick<StorageOptions, 'databaseUrl' | 'dataDir'>): string {
  if (!options.databaseUrl) return `SQLite ${sqliteFile(options.dataDir)}`;
  return `PostgreSQL ${withoutPassword(options.databaseUrl)}`;
}

function withoutPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    // Connection options such as `?password=` or `?sslkey=` may carry secrets too: names only.
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    // Unparseable, yet config.ts accepted it as postgres://…: say only where it is not.
    return 'postgres://(unreadable URL)';
  }
}
