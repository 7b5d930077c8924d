import { type AppHarness, type Dialect, startHarness } from '../../support/app-harness';

export type { Dialect };

/** The app harness with the upload API's two moves: sending a file, and waiting for its job. */
export interface UploadServer extends AppHarness {
  /** The app harness's `request`, under the name these tests use. */
  json: AppHarness['request'];
  upload(
    kind: string,
    name: string,
    content: string | Buffer,
    fields?: Record<string, string>,
  ): ReturnType<AppHarness['request']>;
  /** Polls the job until it has finished applying; resolves with the job. */
  waitForJob(id: string): Promise<Awaited<ReturnType<AppHarness['request']>>['body']>;
}

export async function startUploadServer(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<UploadServer> {
  const harness = await startHarness({ DEFAULT_REGION: 'IN', ...env }, { dialect });
  return {
    ...harness,
    json: harness.request,
    async upload(kind, name, content, fields = {}) {
      const form = new FormData();
      form.set('kind', kind);
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      form.set('file', new Blob([content]), name);
      const response = await fetch(`${harness.app.url}/api/v1/uploads`, { method: 'POST', body: form });
      return { status: response.status, body: await response.json() };
    },
    async waitForJob(id) {
      for (let i = 0; i < 400; i++) {
        const { body } = await harness.request('GET', `/api/v1/jobs/${id}`);
        if (['completed', 'partial', 'failed'].includes(body.job?.status)) return body.job;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`job ${id} did not finish`);
    },
  };
}
