import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the connector accepted. */
export interface AcceptedActivity {
  conversationId: string;
  /** The invite id on the card's Join action, when the activity carries an invite card. */
  inviteId: string | null;
  at: number;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface ConnectorLimits {
  /** Requests per second for the whole app (Teams: about 50 per tenant). */
  perApp: number;
  /** Messages per second into one conversation (Teams: 7). */
  perConversation: number;
}

/** A fault to answer instead of accepting: status and optional Retry-After seconds. */
export type ConnectorFault = { status: number; retryAfter?: number; code?: string } | undefined;

/**
 * A loopback Bot Connector speaking the REST protocol Convene uses for proactive messages
 * (`POST /v3/conversations`, `POST /v3/conversations/{id}/activities`). It enforces the Teams
 * limits in sliding one-second windows with 429 + Retry-After, like the real service, and can be
 * told to fail requests (412, 5xx, 403…). Runs in-process or as its own process
 * (`tsx test/fakes/bot-connector-server.ts`, prints its URL; GET /_stats reports what happened).
 */
export class BotConnectorServer {
  readonly accepted: AcceptedActivity[] = [];
  readonly throttled = { app: 0, conversation: 0 };
  readonly faulted: number[] = [];
  createdConversations = 0;
  /** Decides per request whether to fail it; runs before the limits. */
  fault: (conversationId: string, requestNumber: number) => ConnectorFault = () => undefined;
  url = '';
  private server: Server | undefined;
  private requests = 0;
  private readonly appWindow: number[] = [];
  private readonly conversationWindows = new Map<string, number[]>();

  constructor(readonly limits: ConnectorLimits = { perApp: 50, perConversation: 7 }) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req).then(
        ({ status, body, headers }) => {
          // Not chained: restify, when loaded in the same process, patches writeHead to return nothing.
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Activities accepted per invite id (a count above 1 is a duplicate). */
  deliveriesByInvite(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const a of this.accepted) if (a.inviteId) counts.set(a.inviteId, (counts.get(a.inviteId) ?? 0) + 1);
    return counts;
  }

  stats() {
    return {
      accepted: this.accepted.length,
      throttled: this.throttled,
      faulted: this.faulted.length,
      createdConversations: this.createdConversations,
      deliveries: Object.fromEntries(this.deliveriesByInvite()),
      firstAt: this.accepted[0]?.at ?? null,
      lastAt: this.accepted.at(-1)?.at ?? null,
    };
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const path = req.url ?? '';
    if (req.method === 'GET' && path === '/_stats') return { status: 200, body: this.stats() };
    // Every accepted card in order, by the invite or announcement copy it carried, with its time.
    if (req.method === 'GET' && path === '/_log')
      return { status: 200, body: this.accepted.map((a) => ({ id: a.inviteId, at: a.at })) };
    const body = await readJson(req);
    // A new thread in a team's channel (TeamsInfo.sendMessageToTeamsChannel's request): the activity is
    // posted, so it is accepted (or faulted) like a message, keyed by the channel's id.
    const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    if (req.method === 'POST' && path === '/v3/conversations' && body.isGroup === true && channel) {
      const fault = this.fault(channel, ++this.requests);
      if (fault) {
        this.faulted.push(fault.status);
        return {
          status: fault.status,
          body: {
            error: { code: fault.code ?? `Fault${fault.status}`, message: `Injected ${fault.status}` },
          },
          headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
        };
      }
      this.accepted.push({
        conversationId: channel,
        inviteId: null,
        at: Date.now(),
        authorization: req.headers.authorization,
        body,
      });
      return {
        status: 201,
        body: { id: `${channel};messageid=${this.accepted.length}`, activityId: `${this.accepted.length}` },
      };
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      const member = (body.members as Array<{ aadObjectId?: string; id?: string }> | undefined)?.[0];
      this.createdConversations++;
      return { status: 201, body: { id: `a:personal:${member?.aadObjectId ?? member?.id}` } };
    }
    // New messages, and replies to an activity (the bot answering someone who wrote to it).
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(path);
    if (req.method !== 'POST' || !match) {
      return {
        status: 404,
        body: { error: { code: 'NotFound', message: `No route ${req.method} ${path}` } },
      };
    }
    const conversationId = decodeURIComponent(match[1]!);
    const number = ++this.requests;
    const fault = this.fault(conversationId, number);
    if (fault) {
      this.faulted.push(fault.status);
      return {
        status: fault.status,
        body: { error: { code: fault.code ?? `Fault${fault.status}`, message: `Injected ${fault.status}` } },
        headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      };
    }
    const now = performance.now();
    const conversationWindow = this.conversationWindows.get(conversationId) ?? [];
    prune(this.appWindow, now);
    prune(conversationWindow, now);
    if (conversationWindow.length >= this.limits.perConversation) {
      this.throttled.conversation++;
      return throttledAnswer('conversation');
    }
    if (this.appWindow.length >= this.limits.perApp) {
      this.throttled.app++;
      return throttledAnswer('app');
    }
    this.appWindow.push(now);
    conversationWindow.push(now);
    this.conversationWindows.set(conversationId, conversationWindow);
    this.accepted.push({
      conversationId,
      inviteId: inviteIdOf(body),
      at: Date.now(),
      authorization: req.headers.authorization,
      body,
    });
    return { status: 201, body: { id: `activity-${this.accepted.length}` } };
  }
}

function throttledAnswer(scope: string) {
  return {
    status: 429,
    body: { error: { code: 'TooManyRequests', message: `Throttled (${scope} limit)` } },
    headers: { 'retry-after': '1' },
  };
}

/** Drops time stamps older than one second. */
function prune(window: number[], now: number): void {
  while (window.length > 0 && now - window[0]! >= 1000) window.shift();
}

/** The invite's id, or the announcement copy's (its card's refresh names it), the card carries. */
function inviteIdOf(body: Record<string, unknown>): string | null {
  const card = (
    body.attachments as Array<{
      content?: {
        actions?: Array<{ data?: { inviteId?: string } }>;
        refresh?: { action?: { data?: { deliveryId?: string } } };
      };
    }>
  )?.[0]?.content;
  return (
    card?.actions?.find((a) => a.data?.inviteId)?.data?.inviteId ??
    card?.refresh?.action?.data?.deliveryId ??
    null
  );
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

if (require.main === module) {
  const server = new BotConnectorServer({
    perApp: Number(process.env.PER_APP ?? 50),
    perConversation: Number(process.env.PER_CONVERSATION ?? 7),
  });
  server.start(Number(process.env.PORT ?? 0)).then((url) => process.stdout.write(`${url}\n`));
}
