import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { type AppHarness, startHarness } from '../../support/app-harness';

const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';
const RAVI = { id: '29:ravi', aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000ra71', name: 'Ravi Kumar' };
const STRANGER = { id: '29:mo', aadObjectId: 'bbbbbbbb-0000-4000-8000-0000000000m0', name: 'Mo' };

describe('an employee added by phone gets an invite card and joins from it (local mode, real HTTP)', () => {
  let connector: BotConnectorServer;
  let h: AppHarness;
  beforeAll(async () => {
    connector = new BotConnectorServer();
    await connector.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-directory-'));
    const directoryFile = path.join(dir, 'directory.json');
    writeFileSync(
      directoryFile,
      JSON.stringify([{ phone: '+919800000042', aadObjectId: RAVI.aadObjectId, displayName: RAVI.name }]),
    );
    h = await startHarness({ LOCAL_DIRECTORY_FILE: directoryFile });
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  const activity = (from: typeof RAVI, extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `a:chat-${from.id}`, conversationType: 'personal', tenantId: LOCAL_TENANT },
    from,
    recipient: { id: '28:convene', name: 'Convene' },
    channelData: { tenant: { id: LOCAL_TENANT } },
    id: `act-${Math.random()}`,
    ...extra,
  });

  test('when Ravi is added by phone after chatting with the bot, then a card reaches his chat and Join updates it in place', async () => {
    // Asking for his groups makes Ravi's Teams account known to Convene before his number is added.
    expect(
      (await h.request('POST', '/api/messages', activity(RAVI, { type: 'message', text: 'groups' }))).status,
    ).toBe(200);
    const { body: created } = await h.request('POST', '/api/v1/groups', { name: 'Contoso – Sales (East)' });
    const groupId = created.group.id as string;
    const added = await h.request('POST', `/api/v1/groups/${groupId}/members`, {
      phones: '+91 98000 00042',
      region: 'IN',
    });
    expect(added.body.results).toEqual([
      expect.objectContaining({ outcome: 'added', phone: '+919800000042' }),
    ]);

    const card = await waitFor(() => connector.accepted.find((a) => a.inviteId));
    expect(card.conversationId).toBe(`a:chat-${RAVI.id}`);
    const content = JSON.stringify(card.body);
    expect(content).toContain('Local Developer invited you to join Contoso – Sales (East)');
    expect(content).toContain('"verb":"invite.join"');
    const inviteId = card.inviteId!;
    const listed = await waitFor(async () => {
      const { body } = await h.request('GET', `/api/v1/groups/${groupId}/card-invites`);
      return body.counts.sent === 1 ? body : undefined;
    });
    expect(listed.invites[0]).toMatchObject({
      id: inviteId,
      state: 'sent',
      person: { phone: '+919800000042' },
    });

    const join = (from: typeof RAVI) =>
      h.request(
        'POST',
        '/api/messages',
        activity(from, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'invite.join', data: { inviteId } } },
        }),
      );
    const stranger = await join(STRANGER);
    expect(stranger.body).toMatchObject({ statusCode: 403, value: { code: 'CARD_INVITE_NOT_YOURS' } });

    const answered = await join(RAVI);
    expect(answered.status).toBe(200);
    expect(answered.body.statusCode).toBe(200);
    expect(answered.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answered.body.value)).toContain('You joined Contoso – Sales (East)');
    expect(JSON.stringify(answered.body.value)).not.toContain('invite.join');

    const after = await h.request('GET', `/api/v1/groups/${groupId}/card-invites`);
    expect(after.body.counts).toEqual({ joined: 1 });
    const members = await h.request('GET', `/api/v1/groups/${groupId}/members`);
    expect(members.body.members).toContainEqual(
      expect.objectContaining({
        state: 'joined',
        person: expect.objectContaining({ aadObjectId: RAVI.aadObjectId, phone: '+919800000042' }),
      }),
    );
    // One Ravi, not a phone record beside his Teams account: his own `groups` lists the group.
    expect(members.body.members).toHaveLength(2);
    const before = connector.accepted.length;
    await h.request('POST', '/api/messages', activity(RAVI, { type: 'message', text: 'groups' }));
    const reply = JSON.stringify(
      (
        await waitFor(() =>
          connector.accepted
            .slice(before)
            .find((a) => /group\.open|not in any Convene group/.test(JSON.stringify(a.body))),
        )
      ).body,
    );
    expect(reply).not.toContain('You are not in any Convene group yet');
    expect(reply).toContain('Contoso – Sales (East)');
  });
});

async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
