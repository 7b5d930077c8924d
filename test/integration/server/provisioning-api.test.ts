import { randomUUID } from 'node:crypto';
import { type AppHarness, startHarness } from '../../support/app-harness';
import { ReplyConnector } from '../bot/support/reply-connector';

/** The tenant local mode stands for. */
const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';

describe('provisioning a mapped group in local mode, over HTTP', () => {
  let h: AppHarness;
  let connector: ReplyConnector;
  beforeAll(async () => {
    connector = new ReplyConnector();
    await connector.start();
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  /** An API call as a stand-in person of the local tenant. */
  const call = async (method: string, url: string, as: string, body?: unknown) => {
    const response = await fetch(`${h.app.url}${url}`, {
      method,
      headers: {
        'x-convene-local-user': as,
        'x-convene-local-user-name': 'Asha',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** Presses a card button in Teams as the same person (the bot's `group.map` action). */
  const press = (aadObjectId: string, verb: string, data: Record<string, unknown>) =>
    fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `act-${randomUUID()}`,
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${randomUUID()}`, name: 'Asha', aadObjectId },
        recipient: { id: '28:convene', name: 'Convene' },
        conversation: { id: `a:${randomUUID()}`, tenantId: LOCAL_TENANT, conversationType: 'personal' },
        channelData: { tenant: { id: LOCAL_TENANT } },
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  test('when an admin maps their group in Teams, then the group view moves from not provisioned to provisioned locally', async () => {
    const asha = `asha-${randomUUID()}`;
    const created = await call('POST', '/api/v1/groups', asha, { name: 'Warehouse' });
    expect(created.status).toBe(201);
    const groupId = created.body.group.id as string;
    expect((await call('GET', `/api/v1/groups/${groupId}`, asha)).body.provisioning).toMatchObject({
      state: 'not-provisioned',
    });

    const mapped = await press(asha, 'group.map', { groupId });
    expect(mapped.status).toBe(200);

    // The worker in the server picks the job up within its poll interval.
    let view = (await call('GET', `/api/v1/groups/${groupId}`, asha)).body;
    expect(['provisioning', 'provisioned']).toContain(view.provisioning.state);
    for (let i = 0; i < 50 && view.provisioning.state !== 'provisioned'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await call('GET', `/api/v1/groups/${groupId}`, asha)).body;
    }
    expect(view.organisation).toMatchObject({ tenantId: LOCAL_TENANT });
    expect(view.provisioning).toMatchObject({
      state: 'provisioned',
      target: 'local',
      entraGroupId: null,
      teamId: null,
      reason: null,
    });
  });
});
