import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { backoffDelay } from '../retry/backoff';

export interface NetworkRetrySettings {
  /** Further tries after a network failure. */
  retries: number;
  /** Wait before the first retry; doubles with each further one. */
  delayMs: number;
}

/**
 * Sends a read-only request again when the connection failed before Graph answered (a reset
 * keep-alive socket, a refused connection while a load balancer turns over). The client's own
 * RetryHandler only retries answers (429, 503, 504); a network failure would otherwise fail a
 * whole lookup. Only reads are repeated: a GET, or a `$batch` of GETs. A write that may have
 * reached Graph is left to its caller, whose job re-reads what exists before writing again.
 */
export class NetworkRetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly settings: NetworkRetrySettings) {}

  async execute(context: Context): Promise<void> {
    const repeatable = isReadOnly(context);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        if (!repeatable || !isNetworkFailure(error) || attempt >= this.settings.retries) throw error;
        await new Promise((resolve) =>
          setTimeout(resolve, backoffDelay(attempt + 1, { baseMs: this.settings.delayMs, maxMs: Infinity })),
        );
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * fetch rejects with a TypeError when no answer came. Matched by name, not `instanceof`: the error
 * comes from Node's own realm, which is not the code's under Jest.
 */
function isNetworkFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError';
}

function isReadOnly(context: Context): boolean {
  const method = (context.options?.method ?? 'GET').toUpperCase();
  if (method === 'GET') return true;
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  if (method !== 'POST' || !url.split('?')[0]!.endsWith('/$batch')) return false;
  try {
    const body = JSON.parse(String(context.options?.body)) as { requests?: Array<{ method?: string }> };
    return !!body.requests?.every((request) => (request.method ?? 'GET').toUpperCase() === 'GET');
  } catch {
    return false;
  }
}
