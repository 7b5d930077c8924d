import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface ReceivedReply {
  conversationId: string;
  replyToId: string | null;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/**
 * A loopback stand-in for the Bot Connector's reply API (`POST /v3/conversations/{id}/activities[/{replyToId}]`),
 * which is where a bot's answers go. It records every activity and can be told to answer with a fault.
 */
export class ReplyConnector {
  readonly received: ReceivedReply[] = [];
  /** Answer the next requests with this status instead of accepting (e.g. 503). */
  failNext: number[] = [];
  url = '';
  private server: Server | undefined;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      // Separate calls: restify (loaded in the same process) patches writeHead to return nothing.
      this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    // Keep-alive sockets from the bot's HTTP client would otherwise hold close() open.
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Replies for one conversation so far. */
  repliesTo(conversationId: string): Record<string, unknown>[] {
    return this.received.filter((r) => r.conversationId === conversationId).map((r) => r.activity);
  }

  /** Resolves once `count` replies have arrived in total. */
  async waitFor(count: number): Promise<void> {
    while (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !match) return { status: 404, body: { error: { code: 'NotFound' } } };
    const fault = this.failNext.shift();
    if (fault) return { status: fault, body: { error: { code: `Fault${fault}`, message: 'Injected' } } };
    this.received.push({
      conversationId: decodeURIComponent(match[1]!),
      replyToId: match[2] ? decodeURIComponent(match[2]) : null,
      authorization: req.headers.authorization,
      activity: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    for (const wake of this.waiters.splice(0)) wake();
    return { status: 200, body: { id: `reply-${this.received.length}` } };
  }
}
