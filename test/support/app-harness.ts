import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningApp, type StartOptions, startApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/infra/logging/logger';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from './postgres';

export type Dialect = 'sqlite' | 'postgres';

export interface HarnessOptions {
  /** Reuse a data directory (a restart); by default each harness gets a fresh one. */
  dataDir?: string;
  /** PostgreSQL runs in a schema of its own, dropped at close; SQLite (the default) in the data directory. */
  dialect?: Dialect;
  /** Tests of tenant mode: msal reaches the loopback Entra (see test/fakes/graph-server.ts). */
  entraNetworkClient?: StartOptions['entraNetworkClient'];
}

/** A real Convene server on a free loopback port, with its own data directory (and schema). */
export interface AppHarness {
  app: RunningApp;
  dataDir: string;
  config: Readonly<Config>;
  /** fetch against the app with a JSON body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert on them
  request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<AppHarness> {
  const dir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'convene-test-'));
  const schema = options.dialect === 'postgres' ? uniqueSchemaName() : undefined;
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ...(schema ? { DATABASE_URL: testDatabaseUrl } : {}),
    ...env,
  });
  const app = await startApp(config, createLogger('silent'), {
    databaseSchema: schema,
    entraNetworkClient: options.entraNetworkClient,
  });
  return {
    app,
    dataDir: dir,
    config,
    async request(method, url, body) {
      const response = await fetch(`${app.url}${url}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed };
    },
    async close(closeOptions = {}) {
      await app.stop();
      if (!closeOptions.keepData) rmSync(dir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
}
