import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { NetworkRetryHandler } from './network-retry-handler';

/** Supplies a Graph access token for one tenant. */
export type GraphTokenSource = (tenantId: string) => Promise<string>;

export interface GraphClientSettings {
  /** `https://graph.microsoft.com` in the public cloud; a loopback server in tests. */
  baseUrl: string;
  /** Seconds the retry handler waits when Graph gives no Retry-After. */
  retryDelaySeconds?: number;
  maxRetries?: number;
  /** Milliseconds before a read is sent again after a network failure (doubling; 2 retries). */
  networkRetryDelayMs?: number;
}

/**
 * Puts the tenant's bearer token on every request. (The client's own AuthenticationHandler only
 * authenticates requests to known Graph hosts over https, so it would skip a sovereign cloud or a
 * loopback test server; this one always does.)
 */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly tokens: GraphTokenSource,
    private readonly tenantId: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const token = await this.tokens(this.tenantId);
    context.options ??= {};
    const options = context.options;
    const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * One Graph client per tenant, built once: bearer token → the client's RetryHandler (429, 503 and
 * 504 with Retry-After, else exponential backoff) → reads again after a network failure → HTTP. Throttling inside `$batch` answers is
 * the caller's to handle (see GraphBatcher).
 */
export class GraphClients {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly tokens: GraphTokenSource,
    private readonly settings: GraphClientSettings,
  ) {}

  forTenant(tenantId: string): Client {
    let client = this.clients.get(tenantId);
    if (!client) {
      const auth = new BearerTokenHandler(this.tokens, tenantId);
      const retry = new RetryHandler(
        new RetryHandlerOptions(this.settings.retryDelaySeconds ?? 3, this.settings.maxRetries ?? 3),
      );
      const network = new NetworkRetryHandler({
        retries: 2,
        delayMs: this.settings.networkRetryDelayMs ?? 500,
      });
      auth.setNext(retry);
      retry.setNext(network);
      network.setNext(new HTTPMessageHandler());
      client = Client.initWithMiddleware({
        middleware: auth,
        baseUrl: `${this.settings.baseUrl.replace(/\/+$/, '')}/`,
        defaultVersion: 'v1.0',
      });
      this.clients.set(tenantId, client);
    }
    return client;
  }

  /** A nextLink as a path the client accepts (it only parses absolute https URLs itself). */
  relativeLink(nextLink: string): string {
    const at = nextLink.indexOf('/v1.0/');
    return at === -1 ? nextLink : nextLink.slice(at + '/v1.0/'.length);
  }
}
