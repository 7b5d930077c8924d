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

    const mapped = await press(asha, 'group.map.confirm', { groupId });
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

  /** Polls the group view until provisioning has left the `provisioning` state. */
  const settled = async (groupId: string, as: string) => {
    let view = (await call('GET', `/api/v1/groups/${groupId}`, as)).body;
    for (let i = 0; i < 50 && view.provisioning.state === 'provisioning'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await call('GET', `/api/v1/groups/${groupId}`, as)).body;
    }
    return view;
  };

  test('when an org admin asks for the team of a group made in the organisation, then it is created, and asking again syncs its members', async () => {
    // The local developer (no stand-in header) is the local organisation's admin.
    const admin = '';
    const created = await call('POST', '/api/v1/groups', admin, { name: `Depot ${randomUUID()}` });
    const groupId = created.body.group.id as string;
    const before = (await call('GET', `/api/v1/groups/${groupId}`, admin)).body;
    expect(before.organisation).not.toBeNull();
    expect(before.provisioning.state).toBe('not-provisioned');
    expect(before.allowed.provision).toBe(true);

    const started = await call('POST', `/api/v1/groups/${groupId}/provisioning`, admin);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ started: 'provisioning', provisioning: { state: 'provisioning' } });
    const again = await call('POST', `/api/v1/groups/${groupId}/provisioning`, admin);
    if (again.status === 409) expect(again.body.error.code).toBe('PROVISIONING_IN_PROGRESS');

    expect((await settled(groupId, admin)).provisioning).toMatchObject({
      state: 'provisioned',
      target: 'local',
    });
    const sync = await call('POST', `/api/v1/groups/${groupId}/provisioning`, admin);
    expect(sync.status).toBe(202);
    expect(sync.body).toMatchObject({ started: 'member-sync', provisioning: { state: 'provisioned' } });
  });

  test('when the team of a personal group is asked for, or a plain member asks, then each is refused with its reason', async () => {
    const asha = `asha-${randomUUID()}`;
    const personal = (await call('POST', '/api/v1/groups', asha, { name: 'Night shift' })).body.group;
    const refused = await call('POST', `/api/v1/groups/${personal.id}/provisioning`, asha);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('GROUP_NOT_IN_ORGANISATION');
    expect(refused.body.error.message).toContain('add Night shift to organisation');

    const groupId = (await call('POST', '/api/v1/groups', '', { name: `Yard ${randomUUID()}` })).body.group
      .id;
    const ravi = `ravi-${randomUUID()}`;
    const link = await call('POST', `/api/v1/groups/${groupId}/invite-links`, '', { expiresInDays: 1 });
    expect((await call('POST', '/api/v1/invites/redeem', ravi, { token: link.body.url })).status).toBe(200);
    const member = await call('GET', `/api/v1/groups/${groupId}`, ravi);
    expect(member.body.allowed.provision).toBe(false);
    const forbidden = await call('POST', `/api/v1/groups/${groupId}/provisioning`, ravi);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('NOT_ALLOWED');
  });

  test('when an org admin creates the teams of the whole organisation, then every group without one gets one, and others are refused', async () => {
    const names = [`Dock ${randomUUID()}`, `Gate ${randomUUID()}`];
    for (const name of names) await call('POST', '/api/v1/groups', '', { name });
    const listed = async () =>
      (await call('GET', '/api/v1/portal/groups', '')).body.groups as Array<{
        name: string;
        teamState: string;
      }>;
    expect((await listed()).filter((g) => names.includes(g.name)).map((g) => g.teamState)).toEqual([
      'not-provisioned',
      'not-provisioned',
    ]);

    const refused = await call('POST', '/api/v1/portal/teams', `asha-${randomUUID()}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_ALLOWED');

    const started = await call('POST', '/api/v1/portal/teams', '');
    expect(started.status).toBe(202);
    expect(started.body.started).toBeGreaterThanOrEqual(2);
    let groups = await listed();
    for (let i = 0; i < 100 && groups.some((g) => g.teamState !== 'provisioned'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      groups = await listed();
    }
    expect(groups.every((g) => g.teamState === 'provisioned')).toBe(true);
    // Nothing is left to start: a second request starts no run.
    expect((await call('POST', '/api/v1/portal/teams', '')).body.started).toBe(0);
  });
});
