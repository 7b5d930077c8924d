import { randomUUID } from 'node:crypto';
import { type Activity, type Attachment, type Storage, TestAdapter } from 'botbuilder';
import { TeamsImageDownloads } from '../../../../bot/attachments/teams-image-downloads';
import { ConveneBot } from '../../../../bot/convene-bot';
import type { DomainContext } from '../../../../src/domain/shared/unit-of-work.port';
import { SharpPhotoProcessor } from '../../../../src/infra/group-photos/sharp-photo-processor';
import { HmacStandingTokens } from '../../../../src/infra/invites/hmac-standing-tokens';
import { HmacSlipTickets } from '../../../../src/infra/slips/hmac-slip-tickets';
import { KyselyBotStateStorage } from '../../../../src/infra/storage/bot-state-storage';
import { type Storage as ConveneStorage, openStorage } from '../../../../src/infra/storage/database';
import { KyselyUnitOfWork } from '../../../../src/infra/storage/kysely-unit-of-work';
import { ManualClock } from '../../../fakes/manual-clock';
import { CONTOSO_TENANT } from '../../../support/domain-world';

export const PUBLIC_URL = 'https://convene.test';
export const OAUTH_CONNECTION = 'ConveneSSO';

/** What one turn sent back: posted activities, and the invoke response for a pressed button. */
export interface TurnResult {
  posted: Partial<Activity>[];
  texts: string[];
  cards: Record<string, unknown>[];
  invoke?: { status: number; body: { statusCode: number; type: string; value: unknown } };
}

/** Every TextBlock / fact / button title of a card, flattened: what a person would read on it. */
export function cardText(card: unknown): string {
  const words: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value', 'label', 'url']) {
        if (typeof n[key] === 'string') words.push(n[key] as string);
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return words.join(' | ');
}

/** Every Action.Execute on a card (nested ones included), by title. */
export function cardButtons(card: unknown): Map<string, { verb: string; data: Record<string, unknown> }> {
  const found = new Map<string, { verb: string; data: Record<string, unknown> }>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute') {
        found.set(String(n.title), { verb: String(n.verb), data: (n.data ?? {}) as Record<string, unknown> });
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** A Teams user in a 1:1 chat with the bot, over botbuilder's TestAdapter. */
export class ChatUser {
  readonly adapter: TestAdapter;
  readonly aadObjectId = randomUUID();

  constructor(
    bot: ConveneBot,
    readonly name: string,
    readonly tenantId: string,
    readonly userId = `29:${randomUUID()}`,
    /** The language their Teams client reports on every activity (`hi-IN`, `ar-SA`); none when absent. */
    readonly locale?: string,
  ) {
    this.adapter = new TestAdapter((turn) => bot.run(turn));
    Object.assign(this.adapter.conversation, {
      channelId: 'msteams',
      serviceUrl: 'https://smba.test/',
      user: { id: userId, name, aadObjectId: this.aadObjectId },
      bot: { id: '28:convene', name: 'Convene' },
      conversation: {
        id: `a:${randomUUID()}`,
        tenantId,
        conversationType: 'personal',
        isGroup: false,
        name: '',
      },
    });
  }

  /** Sends an activity and collects what came back. */
  async send(activity: Partial<Activity>): Promise<TurnResult> {
    // Turns may run at once: each takes the replies to its own activity (and anything sent
    // proactively meanwhile), leaving other turns' replies in the queue for them.
    const id = activity.id ?? randomUUID();
    await this.adapter.receiveActivity({ ...(this.locale ? { locale: this.locale } : {}), ...activity, id });
    const queue = this.adapter.activeQueue;
    const all = queue.filter((a) => !a.replyToId || a.replyToId === id);
    const others = queue.filter((a) => a.replyToId && a.replyToId !== id);
    queue.splice(0, queue.length, ...others);
    const invoke = all.find((a) => a.type === 'invokeResponse');
    const posted = all.filter((a) => a.type !== 'invokeResponse');
    return {
      posted,
      texts: posted.map((a) => a.text ?? '').filter((t) => t !== ''),
      cards: posted.flatMap((a) =>
        (a.attachments ?? [])
          .filter((x: Attachment) => x.contentType === 'application/vnd.microsoft.card.adaptive')
          .map((x: Attachment) => x.content as Record<string, unknown>),
      ),
      invoke: invoke?.value as TurnResult['invoke'],
    };
  }

  say(text: string): Promise<TurnResult> {
    return this.send({ type: 'message', text });
  }

  /** Presses an Action.Execute button (verb + data, inputs merged into data as Teams does). */
  press(verb: string, data: Record<string, unknown> = {}): Promise<TurnResult> {
    return this.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }
}

/** Convene's bot over real SQLite, with a clock the test moves. */
export class BotUnderTest {
  readonly clock = new ManualClock();
  readonly ctx: DomainContext;
  readonly bot: ConveneBot;
  readonly botState: Storage;
  /** Pictures the chat service holds, by address, and the bot's requests for them. */
  readonly chatAttachments = new Map<string, Uint8Array>();
  readonly attachmentRequests: Array<{ url: string; authorization: string | null }> = [];

  private constructor(
    readonly storage: ConveneStorage,
    mode: 'local' | 'tenant',
    stateStorage?: (real: Storage) => Storage,
  ) {
    this.ctx = { uow: new KyselyUnitOfWork(storage.db), clock: this.clock };
    const real = new KyselyBotStateStorage(storage.db, this.clock);
    this.botState = stateStorage ? stateStorage(real) : real;
    this.bot = new ConveneBot({
      ctx: this.ctx,
      storage: this.botState,
      mode,
      publicBaseUrl: () => PUBLIC_URL,
      defaultRegion: 'IN',
      standingTokens: new HmacStandingTokens(Buffer.alloc(32, 7)),
      slipTickets: new HmacSlipTickets(Buffer.alloc(32, 7)),
      localOrganisation: { tenantId: CONTOSO_TENANT, name: 'Contoso' },
      oauthConnectionName: OAUTH_CONNECTION,
      allowedTenants: [CONTOSO_TENANT],
      groupPhotos: {
        photos: new SharpPhotoProcessor(),
        downloads: new TeamsImageDownloads({
          token: async () => 'bot-connector-token',
          allowLoopbackHttp: false,
          // The chat service (https://smba.test/) answers from `chatAttachments`.
          fetch: async (input, init) => {
            const url = String(input);
            const headers = new Headers(init?.headers);
            this.attachmentRequests.push({ url, authorization: headers.get('authorization') });
            const bytes = this.chatAttachments.get(url);
            return bytes
              ? new Response(Buffer.from(bytes), { headers: { 'content-type': 'image/png' } })
              : new Response('not found', { status: 404 });
          },
        }),
      },
    });
  }

  static async open(
    mode: 'local' | 'tenant' = 'local',
    stateStorage?: (real: Storage) => Storage,
  ): Promise<BotUnderTest> {
    return new BotUnderTest(await openStorage({ dataDir: ':memory:' }), mode, stateStorage);
  }

  /** A user who has already seen the welcome card, so tests read only the answer they care about. */
  async user(name: string, tenantId = CONTOSO_TENANT, locale?: string): Promise<ChatUser> {
    const user = new ChatUser(this.bot, name, tenantId, undefined, locale);
    await user.send({ type: 'installationUpdate', action: 'add' });
    return user;
  }

  close(): Promise<void> {
    return this.storage.close();
  }
}
