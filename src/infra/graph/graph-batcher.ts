import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@microsoft/microsoft-graph-client';

/** One request inside a JSON `$batch`. */
export interface SubRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/users?$filter=…`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SubResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Graph allows 20 requests per batch. */
export const BATCH_LIMIT = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface BatcherOptions {
  /** Batches in flight at once (Graph advises a handful per app per tenant). */
  concurrency?: number;
  /** Rounds of resending throttled sub-requests before giving up on them. */
  maxRounds?: number;
  /** Wait when a throttled sub-request names no Retry-After, in ms. */
  defaultRetryAfterMs?: number;
}

/**
 * Sends any number of sub-requests as JSON `$batch` calls of at most 20. A batch answers 200 even
 * when some of its requests were throttled; those (429, 503, 504 inside) are gathered and re-sent
 * together after the largest Retry-After among them, so a throttled tenant is not hammered and no
 * extra batches are spent. Answers come back in the order of the requests.
 */
export async function sendBatched(
  client: Client,
  requests: SubRequest[],
  options: BatcherOptions = {},
): Promise<SubResponse[]> {
  const answers: SubResponse[] = new Array(requests.length);
  let pending = requests.map((_, index) => index);
  for (let round = 0; pending.length > 0; round++) {
    const chunks: number[][] = [];
    for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
    const retry: number[] = [];
    let waitMs = 0;
    const work = [...chunks];
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency ?? 4, work.length) }, async () => {
        for (let chunk = work.shift(); chunk; chunk = work.shift()) {
          const body = {
            requests: chunk.map((index) => {
              const r = requests[index]!;
              return {
                id: String(index),
                method: r.method,
                url: r.url,
                ...(r.body === undefined
                  ? {}
                  : { body: r.body, headers: { 'content-type': 'application/json', ...r.headers } }),
                ...(r.body === undefined && r.headers ? { headers: r.headers } : {}),
              };
            }),
          };
          const result = (await client.api('/$batch').post(body)) as {
            responses: Array<{
              id: string;
              status: number;
              headers?: Record<string, string>;
              body?: unknown;
            }>;
          };
          for (const response of result.responses) {
            const index = Number(response.id);
            const headers = Object.fromEntries(
              Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
            );
            if (RETRYABLE.has(response.status) && round + 1 < (options.maxRounds ?? 6)) {
              retry.push(index);
              const seconds = Number(headers['retry-after']);
              waitMs = Math.max(
                waitMs,
                Number.isFinite(seconds) ? seconds * 1000 : (options.defaultRetryAfterMs ?? 2000),
              );
            } else {
              answers[index] = { status: response.status, headers, body: response.body };
            }
          }
        }
      }),
    );
    if (retry.length > 0) await sleep(waitMs);
    pending = retry.sort((a, b) => a - b);
  }
  return answers;
}

/** The error message Graph put in a sub-response body, if any. */
export function graphErrorMessage(body: unknown): string {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return error ? `${error.code ?? 'Error'}: ${error.message ?? ''}` : 'no details';
}
