/**
 * The few Bot Connector REST calls proactive delivery needs, over fetch. Convene sends invites
 * itself rather than through botbuilder's connector client because that client retries 429s and
 * 5xx on its own, behind the pacing; here every attempt passes the gates and is counted.
 */

/** Supplies the bearer token for the Bot Connector; absent in local mode (no app id). */
export type ConnectorTokenSource = () => Promise<string>;

/** A failed connector call, classified for the retry policy. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    /** The connector's own error code (e.g. ConversationBlockedByUser), when it gave one. */
    readonly connectorCode: string | null,
    message: string,
    /** From Retry-After, in milliseconds. */
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export interface ConnectorActivity {
  type: 'message';
  attachments?: unknown[];
  text?: string;
  [key: string]: unknown;
}

export class BotConnectorClient {
  constructor(
    private readonly tokenSource: ConnectorTokenSource | undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Posts a new activity into a conversation; returns the activity id Teams gave it. */
  async sendToConversation(
    serviceUrl: string,
    conversationId: string,
    activity: ConnectorActivity,
  ): Promise<string | null> {
    const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const body = (await this.post(url, activity)) as { id?: string } | undefined;
    return body?.id ?? null;
  }

  /** Opens (or finds) the bot's 1:1 chat with a user; the app must be installed for them. */
  async createPersonalConversation(
    serviceUrl: string,
    input: { botId: string; tenantId: string; aadObjectId: string },
  ): Promise<string> {
    const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations`;
    const body = (await this.post(url, {
      bot: { id: input.botId },
      members: [{ id: `29:${input.aadObjectId}`, aadObjectId: input.aadObjectId }],
      isGroup: false,
      tenantId: input.tenantId,
      channelData: { tenant: { id: input.tenantId } },
    })) as { id?: string } | undefined;
    if (!body?.id)
      throw new ConnectorError(502, null, 'The connector created a conversation without an id.', null);
    return body.id;
  }

  /**
   * Starts a new thread in a team's channel with `activity` as its first message (what botbuilder's
   * `TeamsInfo.sendMessageToTeamsChannel` sends: `isGroup`, the channel in `channelData`). The app must be
   * installed in the team. Returns the id of the message Teams posted.
   */
  async createChannelConversation(
    serviceUrl: string,
    input: { botId?: string; tenantId: string; channelId: string; activity: ConnectorActivity },
  ): Promise<string | null> {
    const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations`;
    const body = (await this.post(url, {
      ...(input.botId ? { bot: { id: input.botId } } : {}),
      isGroup: true,
      tenantId: input.tenantId,
      channelData: { channel: { id: input.channelId }, tenant: { id: input.tenantId } },
      activity: input.activity,
    })) as { id?: string; activityId?: string } | undefined;
    return body?.activityId ?? body?.id ?? null;
  }

  private async post(url: string, payload: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.tokenSource) headers.authorization = `Bearer ${await this.tokenSource()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // No answer at all: treated like a 503 (the request may or may not have arrived).
      throw new ConnectorError(
        503,
        'NetworkError',
        `The connector could not be reached: ${String(error)}`,
        null,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok) return body;
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ConnectorError(
      response.status,
      error?.code ?? null,
      error?.message ?? `The connector answered ${response.status}.`,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
