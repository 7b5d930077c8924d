import path from 'node:path';
import Database from 'better-sqlite3';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { type AppHarness, startHarness } from '../../support/app-harness';

const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';
const CHANDRA = {
  id: '29:chandra',
  aadObjectId: 'cccccccc-0000-4000-8000-0000000c4a4d',
  name: 'Chandra Rao',
};

describe('an org admin sends the champs’ kit to a champ’s chat (local mode, loopback Bot Connector)', () => {
  let connector: BotConnectorServer;
  let h: AppHarness;
  beforeAll(async () => {
    connector = new BotConnectorServer();
    await connector.start();
    h = await startHarness({});
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  const asChandra = {
    'x-convene-local-user': CHANDRA.aadObjectId,
    'x-convene-local-user-name': CHANDRA.name,
  };
  const say = (text: string, locale?: string) =>
    h.request('POST', '/api/messages', {
      type: 'message',
      text,
      ...(locale ? { locale } : {}),
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: `a:chat-${CHANDRA.id}`, conversationType: 'personal', tenantId: LOCAL_TENANT },
      from: CHANDRA,
      recipient: { id: '28:convene', name: 'Convene' },
      channelData: { tenant: { id: LOCAL_TENANT } },
      id: `act-${Math.random()}`,
    });

  test('when the champ has chatted with Convene, then one card with the guidelines and the training reaches their chat, audited', async () => {
    const groupId = (await h.request('POST', '/api/v1/groups', { name: 'Sales – East' })).body.group
      .id as string;
    const me = await fetch(`${h.app.url}/api/v1/me`, { headers: asChandra }).then(
      (r) => r.json() as Promise<{ personId: string }>,
    );
    expect(
      (await h.request('POST', `/api/v1/groups/${groupId}/champs`, { personId: me.personId })).status,
    ).toBe(201);

    // Not yet heard from in Teams: no chat to write into, and the answer says what to do.
    const early = await h.request('POST', `/api/v1/groups/${groupId}/champs/${me.personId}/kit`);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'CHAMP_KIT_NO_CHAT',
      message: expect.stringContaining('say “hi”'),
    });

    expect((await say('hi')).status).toBe(200);
    const before = connector.accepted.length;
    const sent = await h.request('POST', `/api/v1/groups/${groupId}/champs/${me.personId}/kit`);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sentTo: CHANDRA.name });

    const kit = connector.accepted.slice(before).filter((a) => JSON.stringify(a.body).includes('champ kit'));
    expect(kit).toHaveLength(1);
    expect(kit[0]!.conversationId).toBe(`a:chat-${CHANDRA.id}`);
    const card = (kit[0]!.body.attachments as Array<{ contentType: string; content: unknown }>)[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = JSON.stringify(card.content);
    expect(text).toContain('Your champ kit for Sales – East');
    expect(text).toContain('Champs’ guidelines');
    expect(text).toContain('Content moderation');
    expect(text).toContain('Your work chat in Teams');
    expect(JSON.stringify(card.content).length).toBeLessThan(28_000); // Teams refuses larger cards

    const db = new Database(path.join(h.dataDir, 'convene.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare(
          "select actor_id, details from audit_entries where group_id = ? and action = 'champ.kit-sent'",
        )
        .all(groupId) as Array<{ details: string }>;
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.details)).toMatchObject({ personId: me.personId });
    } finally {
      db.close();
    }
  });

  test('when someone other than an org admin sends the kit, or to someone who is not a champ, then it is refused and nothing is sent', async () => {
    const groupId = (await h.request('POST', '/api/v1/groups', { name: 'Drivers' })).body.group.id as string;
    const me = await fetch(`${h.app.url}/api/v1/me`, { headers: asChandra }).then(
      (r) => r.json() as Promise<{ personId: string }>,
    );
    const before = connector.accepted.length;
    const notChamp = await h.request('POST', `/api/v1/groups/${groupId}/champs/${me.personId}/kit`);
    expect(notChamp.status).toBe(404);
    expect(notChamp.body.error.code).toBe('NOT_A_CHAMP');
    await h.request('POST', `/api/v1/groups/${groupId}/champs`, { personId: me.personId });
    const byChamp = await fetch(`${h.app.url}/api/v1/groups/${groupId}/champs/${me.personId}/kit`, {
      method: 'POST',
      headers: asChandra,
    });
    expect(byChamp.status).toBe(403);
    expect(connector.accepted.length).toBe(before);
  });

  test('when the champ speaks Arabic in Teams, then the guides in their kit are in Arabic', async () => {
    const groupId = (await h.request('POST', '/api/v1/groups', { name: 'Warehouse' })).body.group
      .id as string;
    const me = await fetch(`${h.app.url}/api/v1/me`, { headers: asChandra }).then(
      (r) => r.json() as Promise<{ personId: string }>,
    );
    await h.request('POST', `/api/v1/groups/${groupId}/champs`, { personId: me.personId });
    expect((await say('hi', 'ar-SA')).status).toBe(200);
    const before = connector.accepted.length;
    expect((await h.request('POST', `/api/v1/groups/${groupId}/champs/${me.personId}/kit`)).status).toBe(200);
    const text = JSON.stringify(connector.accepted.slice(before).map((a) => a.body));
    expect(text).toContain('إرشادات الأبطال');
    expect(text).toContain('الإشراف على المحتوى');
    expect(text).toContain('محادثة العمل في Teams');
    expect(text).not.toContain('Content moderation');
  });
});
