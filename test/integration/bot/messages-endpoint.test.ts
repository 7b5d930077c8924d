import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { TeamsImageDownloads } from '../../../bot/attachments/teams-image-downloads';
import { createBotAdapter } from '../../../bot/bot-adapter';
import { ConveneBot } from '../../../bot/convene-bot';
import { type RunningApp, startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { SharpPhotoProcessor } from '../../../src/infra/group-photos/sharp-photo-processor';
import { HmacStandingTokens } from '../../../src/infra/invites/hmac-standing-tokens';
import { createLogger } from '../../../src/infra/logging/logger';
import { HmacSlipTickets } from '../../../src/infra/slips/hmac-slip-tickets';
import { registerBotRoutes } from '../../../src/server/routes/bot.routes';
import { CONTOSO_TENANT } from '../../support/domain-world';

/** The tenant local mode stands for (its organisation is the "Local organisation"). */
const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';

import { cardButtons, cardText } from './support/bot-under-test';
import { ReplyConnector } from './support/reply-connector';

const silent = createLogger('silent');

describe('POST /api/messages on the real server (local mode)', () => {
  let app: RunningApp;
  let connector: ReplyConnector;
  let dataDir: string;
  beforeAll(async () => {
    connector = new ReplyConnector();
    await connector.start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-bot-'));
    app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), silent);
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A Teams user in a 1:1 chat, as the Bot Connector would describe them. */
  function teamsUser(name: string) {
    const conversationId = `a:${randomUUID()}`;
    const from = { id: `29:${randomUUID()}`, name, aadObjectId: randomUUID() };
    const activity = (extra: Record<string, unknown>) => ({
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from,
      recipient: { id: '28:convene', name: 'Convene' },
      conversation: { id: conversationId, tenantId: LOCAL_TENANT, conversationType: 'personal' },
      channelData: { tenant: { id: LOCAL_TENANT } },
      ...extra,
    });
    const post = async (extra: Record<string, unknown>) => {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(extra)),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    return {
      conversationId,
      say: (text: string) => post({ type: 'message', text }),
      press: (verb: string, data: Record<string, unknown>) =>
        post({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      cards: () =>
        connector
          .repliesTo(conversationId)
          .flatMap((a) => (a.attachments as Array<{ content: unknown }> | undefined) ?? [])
          .map((a) => a.content),
    };
  }

  test('when a Teams user chats, then each answer is posted back to the connector as a reply', async () => {
    const asha = teamsUser('Asha');
    expect((await asha.say('create group Night shift')).status).toBe(200);
    const [welcome, created] = asha.cards();
    expect(cardText(welcome)).toContain('Welcome to Convene, Asha');
    expect(cardText(created)).toContain('Group created');
    const replies = connector.received.filter((r) => r.conversationId === asha.conversationId);
    expect(replies.every((r) => r.replyToId?.startsWith('act-'))).toBe(true);

    await asha.say('groups');
    expect(cardText(asha.cards().at(-1))).toContain('Night shift | Admin · 1 member · personal');
  });

  test('when a card button is pressed, then the invoke is answered in the HTTP response (card updated in place)', async () => {
    const asha = teamsUser('Asha');
    await asha.say('create group Drivers');
    const groupId = String(cardButtons(asha.cards().at(-1)).get('Invite people')!.data.groupId);

    const invite = await asha.press('group.invite', { groupId });
    expect(invite).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Here is the invite link.',
      },
    });
    expect(cardText(asha.cards().at(-1))).toMatch(/\/join\/[A-Za-z0-9_-]{22}/);
    expect(cardText(asha.cards().at(-1))).toContain(app.url);

    const posted = connector.received.length;
    const reset = await asha.press('link.reset', { groupId });
    expect(reset.status).toBe(200);
    expect(reset.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(reset.body.value)).toContain('Link reset: the old link no longer works.');
    expect(connector.received.length).toBe(posted); // replaced in place, nothing new posted

    const asked = await asha.press('group.map', { groupId });
    expect(cardText(asked.body.value)).toContain('Add Drivers to Local organisation?');
    const mapped = await asha.press('group.map.confirm', { groupId });
    expect(cardText(mapped.body.value)).toContain('Drivers now belongs to Local organisation');
  });
});

describe('POST /api/messages with bot authentication on (tenant mode)', () => {
  let server: restify.Server;
  let url: string;
  let turns = 0;
  beforeAll(async () => {
    const adapter = createBotAdapter(
      {
        appId: randomUUID(),
        appPassword: 'not-a-real-secret',
        appType: 'SingleTenant',
        tenantId: CONTOSO_TENANT,
      },
      silent,
    );
    const bot = new ConveneBot({
      ctx: {
        uow: {
          run: () => Promise.reject(new Error('no turn may reach the domain')),
          read: () => Promise.reject(new Error('no turn may reach the domain')),
        },
        clock: { now: () => new Date() },
      },
      storage: { read: async () => ({}), write: async () => undefined, delete: async () => undefined },
      mode: 'tenant',
      publicBaseUrl: () => 'https://convene.contoso.com',
      defaultRegion: 'IN',
      standingTokens: new HmacStandingTokens(Buffer.alloc(32, 7)),
      slipTickets: new HmacSlipTickets(Buffer.alloc(32, 7)),
      groupPhotos: {
        photos: new SharpPhotoProcessor(),
        downloads: new TeamsImageDownloads({ allowLoopbackHttp: false }),
      },
    });
    const run = bot.run.bind(bot);
    bot.run = async (turn) => {
      turns++;
      await run(turn);
    };
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerBotRoutes(server, { logger: silent }, adapter, bot);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const activity = {
    type: 'message',
    text: 'groups',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: { id: '29:x', aadObjectId: randomUUID() },
    recipient: { id: '28:convene' },
    conversation: { id: 'a:1', tenantId: CONTOSO_TENANT },
  };

  test.each([
    ['no Authorization header', {}],
    ['a token that is not a Bot Framework token', { authorization: 'Bearer not.a.token' }],
  ])('when a request has %s, then it is refused and no turn runs', async (_case, headers) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    expect([401, 403]).toContain(response.status);
    expect(turns).toBe(0);
  });
});
