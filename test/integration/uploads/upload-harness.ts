import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningApp, startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/infra/logging/logger';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

export type Dialect = 'sqlite' | 'postgres';

/** A real Convene server for upload tests: its own data directory, and its own schema on PostgreSQL. */
export interface UploadServer {
  app: RunningApp;
  dataDir: string;
  json(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  upload(
    kind: string,
    name: string,
    content: string | Buffer,
    fields?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** Polls the job until it has finished applying. */
  waitForJob(id: string): Promise<any>;
  close(): Promise<void>;
}

export async function startUploadServer(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<UploadServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-upload-test-'));
  const schema = dialect === 'postgres' ? uniqueSchemaName() : undefined;
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEFAULT_REGION: 'IN',
    ...(dialect === 'postgres' ? { DATABASE_URL: testDatabaseUrl } : {}),
    ...env,
  });
  const app = await startApp(config, createLogger('silent'), { databaseSchema: schema });
  const json = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${app.url}${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  return {
    app,
    dataDir,
    json,
    async upload(kind, name, content, fields = {}) {
      const form = new FormData();
      form.set('kind', kind);
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      form.set('file', new Blob([content]), name);
      const response = await fetch(`${app.url}/api/v1/uploads`, { method: 'POST', body: form });
      return { status: response.status, body: await response.json() };
    },
    async waitForJob(id) {
      for (let i = 0; i < 400; i++) {
        const { body } = await json('GET', `/api/v1/jobs/${id}`);
        if (['completed', 'partial', 'failed'].includes(body.job?.status)) return body.job;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`job ${id} did not finish`);
    },
    async close() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
}
