import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../src/domain/access/actor';
import type { Directory } from '../../../src/domain/directory/directory.port';
import { createGroup } from '../../../src/domain/groups/create-group';
import { mapGroupToOrganisation } from '../../../src/domain/groups/map-group-to-organisation';
import { viewGroup } from '../../../src/domain/groups/view-group';
import { createInviteLink } from '../../../src/domain/invites/create-invite-link';
import { redeemInviteLink } from '../../../src/domain/invites/redeem-invite-link';
import { changeMemberRole } from '../../../src/domain/memberships/change-member-role';
import type { Role } from '../../../src/domain/memberships/membership';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { newPerson } from '../../../src/domain/people/person';
import { provisioningSpec, requestMemberSync } from '../../../src/domain/provisioning/provision-group.job';
import { startProvisioning } from '../../../src/domain/provisioning/start-provisioning';
import type { Clock } from '../../../src/domain/shared/clock.port';
import type { DomainContext } from '../../../src/domain/shared/unit-of-work.port';
import { entraLinker } from '../../../src/infra/delivery/link-person';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { ProvisioningWorker } from '../../../src/infra/jobs/provisioning-worker';
import { createLogger } from '../../../src/infra/logging/logger';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';
import { type FakeUser, GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

const contoso = { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' };
const silent = createLogger('silent');
const LEASE_MS = 30_000;

/** A clock the test moves by hand, an hour after the world's clock (mappings happen before). */
class StepClock implements Clock {
  private at = Date.parse('2026-01-05T10:00:00.000Z');
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

describeEachDialect('provisioning mapped groups', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let clock: StepClock;
  let workerCtx: DomainContext;
  let graph: GraphServer;
  let directory: GraphDirectory;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    clock = new StepClock();
    workerCtx = { uow: new KyselyUnitOfWork(under.storage.db), clock };
    graph = new GraphServer();
    await graph.start();
    const entra = new EntraApp({
      clientId: 'client-id',
      tenantId: CONTOSO_TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    const clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      maxRetries: 1,
    });
    directory = new GraphDirectory(clients, {
      defaultRegion: 'IN',
      botServiceUrl: 'https://smba.trafficmanager.net/in/',
      teamsAppCatalogId: 'catalog-app-1',
      replicationDelayMs: 5,
      throttleDefaultMs: 5,
    });
  });
  afterEach(async () => {
    await graph.stop();
    await under.dispose();
  });

  const worker = (options: { owner?: string; maxAttempts?: number; local?: boolean } = {}) =>
    new ProvisioningWorker({
      uow: workerCtx.uow,
      clock,
      logger: silent,
      directory: options.local ? new LocalDirectory(under.storage.db, CONTOSO_TENANT) : directory,
      leaseMs: LEASE_MS,
      retryBaseMs: 1000,
      maxAttempts: options.maxAttempts,
      owner: options.owner ?? 'worker-a',
    });

  /** A Contoso person who is also a user of the loopback tenant. */
  const entraPerson = (user: FakeUser): Promise<Actor> =>
    identifyTeamsUser(world.ctx, {
      tenantId: CONTOSO_TENANT,
      aadObjectId: user.id,
      displayName: user.displayName,
    });

  const join = (groupId: string, personId: string, role: Role, state: 'joined' | 'declined' = 'joined') =>
    world.ctx.uow.run((repos) =>
      repos.memberships.insert({
        groupId,
        personId,
        role,
        source: 'manual',
        state,
        invitedBy: null,
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      }),
    );

  /** Someone Convene knows only by phone (not yet found in Entra); returns their id. */
  const phoneOnlyPerson = async (phone: string): Promise<string> => {
    const id = randomUUID();
    await world.ctx.uow.run((repos) =>
      repos.people.insert(newPerson({ id, phone, createdAt: '2026-01-05T09:00:00.000Z' })),
    );
    return id;
  };

  /**
   * Warehouse: Asha (admin) and 24 members known to Entra, plus a declined Entra user, someone
   * known only by phone, and a Fabrikam guest; only the 25 Contoso Entra users belong in the tenant.
   */
  async function mappedWarehouse() {
    const users = graph.addUsers(27, () => ({}));
    const asha = await entraPerson(users[0]!);
    const group = await createGroup(world.ctx, { name: 'Warehouse – Night shift' }, asha);
    for (const user of users.slice(1, 25)) await join(group.id, (await entraPerson(user)).personId, 'member');
    await join(group.id, (await entraPerson(users[25]!)).personId, 'member', 'declined');
    const phoneOnly = await phoneOnlyPerson('+919800000001');
    await join(group.id, phoneOnly, 'member');
    await join(group.id, (await world.person('Guest', FABRIKAM_TENANT)).personId, 'member');
    await mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha);
    return { group, asha, users, phoneOnly };
  }

  /** The Graph directory, with provisioning held until `release` is called. */
  function gatedDirectory(): { directory: Directory; release: () => void } {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      directory: {
        findUsersByPhone: (tenantId, phones) => directory.findUsersByPhone(tenantId, phones),
        findPeople: (tenantId, queries) => directory.findPeople(tenantId, queries),
        findUserByAccount: (tenantId, account) => directory.findUserByAccount(tenantId, account),
        reachUser: (tenantId, id) => directory.reachUser(tenantId, id),
        phonesOfUser: (tenantId, id) => directory.phonesOfUser(tenantId, id),
        provisionGroup: async (spec) => {
          await gate;
          return directory.provisionGroup(spec);
        },
      },
      release: () => release(),
    };
  }

  const stateOf = async (groupId: string, actor: Actor) =>
    (await viewGroup(world.ctx, groupId, actor)).provisioning;

  test('when a group is mapped, then its provisioning job is recorded with the mapping and the view says provisioning', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    expect((await stateOf(group.id, asha)).state).toBe('not-provisioned');

    await mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha);
    const record = await world.ctx.uow.run((repos) => repos.groupProvisioning.find(group.id));
    const job = await world.ctx.uow.run((repos) => repos.jobs.findById(record!.jobId));
    expect(job).toMatchObject({ kind: 'group.provision', status: 'queued', payload: { groupId: group.id } });
    expect(await stateOf(group.id, asha)).toMatchObject({ state: 'provisioning', entraGroupId: null });
  });

  test('when mapping is refused, then no provisioning job is left behind', async () => {
    const asha = await world.person('Asha');
    const ben = await world.person('Ben');
    const group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    await join(group.id, ben.personId, 'member');
    await expect(
      mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, ben),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await world.ctx.uow.run((repos) => repos.groupProvisioning.find(group.id))).toBeUndefined();
    expect(await worker().runOnce()).toBe(false);
  });

  test('when the job runs against Graph, then the admins own a new team, the Entra members join 20 at a time and the ids are recorded', async () => {
    const { group, asha, users } = await mappedWarehouse();
    expect(await worker().runOnce()).toBe(true);

    expect(graph.groups.size).toBe(1);
    const [created] = [...graph.groups.values()];
    expect(created!.owners).toEqual(new Set([users[0]!.id]));
    expect(created!.members).toEqual(new Set(users.slice(0, 25).map((u) => u.id)));
    expect(created!.team).toBe(true);
    const calls = graph.graphRequests().map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(calls).toEqual([
      'GET /v1.0/groups',
      'POST /v1.0/groups',
      'POST /v1.0/$batch',
      `PUT /v1.0/groups/${created!.id}/team`,
    ]);
    const patches = graph.graphRequests().flatMap((r) => r.subRequests ?? []);
    expect(patches.map((p) => `${p.method} ${p.status}`)).toEqual(['PATCH 204', 'PATCH 204']);

    expect(await stateOf(group.id, asha)).toMatchObject({
      state: 'provisioned',
      target: 'tenant',
      entraGroupId: created!.id,
      teamId: created!.id,
      teamUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/team\/19%3A.*groupId=/),
      reason: null,
    });
    const record = await world.ctx.uow.run((repos) => repos.groupProvisioning.find(group.id));
    expect(record?.membersAdded).toBe(25);
    const job = await world.ctx.uow.run((repos) => repos.jobs.findById(record!.jobId));
    expect(job?.status).toBe('succeeded');
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
    expect(audit[0]).toMatchObject({ action: 'group.provisioned', jobId: record!.jobId });
    expect(await worker().runOnce()).toBe(false);
  });

  test('when Graph keeps failing once, then the attempt is retried after its back-off and the group is created once', async () => {
    const { group, asha } = await mappedWarehouse();
    // The client retries once; two 503s in a row fail the attempt.
    graph.failNext.push({ status: 503 }, { status: 503 });
    const a = worker();
    expect(await a.runOnce()).toBe(true);
    expect(await stateOf(group.id, asha)).toMatchObject({
      state: 'provisioning',
      lastError: expect.any(String),
      reason: null,
    });
    expect(graph.groups.size).toBe(0);

    // Not due before the back-off ends.
    expect(await a.runOnce()).toBe(false);
    clock.advance(1001);
    expect(await a.runOnce()).toBe(true);
    expect(graph.groups.size).toBe(1);
    expect(await stateOf(group.id, asha)).toMatchObject({ state: 'provisioned', lastError: null });
  });

  test('when every attempt fails, then the group is failed with the reason and the job gives up', async () => {
    const { group, asha } = await mappedWarehouse();
    const a = worker({ maxAttempts: 2 });
    graph.failNext.push({ status: 503 }, { status: 503 });
    await a.runOnce();
    clock.advance(1001);
    graph.failNext.push({ status: 503 }, { status: 503 });
    await a.runOnce();
    const state = await stateOf(group.id, asha);
    expect(state.state).toBe('failed');
    expect(state.reason).toEqual(expect.any(String));
    expect(state.reason).toBe(state.lastError);
    clock.advance(60_000);
    expect(await a.runOnce()).toBe(false);
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
    expect(audit[0]).toMatchObject({
      action: 'group.provisioning-failed',
      details: { reason: state.reason },
    });
  });

  test('when an admin asks again after provisioning gave up, then a new run creates the group once, with its link', async () => {
    const { group, asha } = await mappedWarehouse();
    const a = worker({ maxAttempts: 1 });
    graph.failNext.push({ status: 503 }, { status: 503 });
    await a.runOnce();
    expect((await stateOf(group.id, asha)).state).toBe('failed');

    const asked = await startProvisioning(world.ctx, group.id, asha);
    expect(asked).toMatchObject({
      started: 'provisioning',
      provisioning: { state: 'provisioning', reason: null },
    });
    await expect(startProvisioning(world.ctx, group.id, asha)).rejects.toMatchObject({
      code: 'PROVISIONING_IN_PROGRESS',
    });
    expect(await a.runOnce()).toBe(true);
    expect(graph.groups.size).toBe(1);
    expect(await stateOf(group.id, asha)).toMatchObject({
      state: 'provisioned',
      teamUrl: expect.stringContaining('teams.microsoft.com'),
      lastError: null,
    });
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'group.provisioning-failed',
        'group.provisioning-requested',
        'group.provisioned',
      ]),
    );
  });

  test('when two admins ask again at the same moment, then one run starts and the other is told it is in progress', async () => {
    const { group, asha } = await mappedWarehouse();
    graph.failNext.push({ status: 503 }, { status: 503 });
    await worker({ maxAttempts: 1 }).runOnce();
    const jobsBefore = await under.storage.db.selectFrom('jobs').select('id').execute();

    const asks = await Promise.allSettled([
      startProvisioning(world.ctx, group.id, asha),
      startProvisioning(world.ctx, group.id, asha),
    ]);
    expect(asks.map((ask) => ask.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = asks.find((ask) => ask.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'PROVISIONING_IN_PROGRESS' });
    const jobsAfter = await under.storage.db.selectFrom('jobs').select('id').execute();
    expect(jobsAfter).toHaveLength(jobsBefore.length + 1);
  });

  test('when a worker died holding the job after creating the group, then another resumes after the lease and adds no one twice', async () => {
    const { group, asha } = await mappedWarehouse();
    // The dead worker claimed the job and got as far as doing the remote work, then vanished.
    const claimed = await workerCtx.uow.run((repos) =>
      repos.jobs.claimNext(['group.provision'], 'dead-worker', clock.now(), LEASE_MS),
    );
    expect(claimed).toBeDefined();
    await directory.provisionGroup(await world.ctx.uow.run((repos) => provisioningSpec(repos, group.id)));
    const [created] = [...graph.groups.values()];
    const membersBefore = [...created!.members];
    graph.log.length = 0;

    const b = worker({ owner: 'worker-b' });
    expect(await b.runOnce()).toBe(false); // the lease is still the dead worker's
    clock.advance(LEASE_MS + 1);
    expect(await b.runOnce()).toBe(true);

    expect(graph.groups.size).toBe(1);
    expect([...created!.members]).toEqual(membersBefore);
    const requests = graph.graphRequests();
    expect(requests.some((r) => r.method === 'POST' && r.path === '/v1.0/groups')).toBe(false);
    expect(requests.flatMap((r) => r.subRequests ?? []).filter((s) => s.status === 204)).toHaveLength(0);
    expect(await stateOf(group.id, asha)).toMatchObject({ state: 'provisioned', entraGroupId: created!.id });
  });

  test('when Graph is slow, then the worker keeps renewing its lease and no other worker starts the group meanwhile', async () => {
    const { group, asha } = await mappedWarehouse();
    const { directory: slow, release } = gatedDirectory();
    const leaseMs = 90;
    const options = { uow: workerCtx.uow, clock, logger: silent, leaseMs };
    const a = new ProvisioningWorker({ ...options, directory: slow, owner: 'worker-a' });
    const b = new ProvisioningWorker({ ...options, directory, owner: 'worker-b' });
    const running = a.runOnce();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    await pause();
    clock.advance(60);
    await pause(); // renewed: the lease now ends 90 ms after this clock time
    clock.advance(60); // past the first lease's end
    expect(await b.runOnce()).toBe(false);
    release();
    await expect(running).resolves.toBe(true);
    expect(graph.groups.size).toBe(1);
    expect((await stateOf(group.id, asha)).state).toBe('provisioned');
  });

  describe('after provisioning, as the members change', () => {
    const provisionJobs = async () =>
      (await under.storage.db
        .selectFrom('jobs')
        .select(['id', 'status'])
        .where('kind', '=', 'group.provision')
        .execute()) as Array<{ id: string; status: string }>;

    /** The Warehouse, provisioned, with Graph's log cleared and two Entra users not yet in it. */
    async function provisionedWarehouse() {
      const warehouse = await mappedWarehouse();
      expect(await worker().runOnce()).toBe(true);
      const [team] = [...graph.groups.values()];
      const newcomers = graph.addUsers(2, () => ({}));
      graph.log.length = 0;
      return { ...warehouse, team: team!, newcomers };
    }

    test('when two people join through the invite link, then one sync adds just them to the team', async () => {
      const { group, asha, team, newcomers } = await provisionedWarehouse();
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      for (const user of newcomers) await redeemInviteLink(world.ctx, { token }, await entraPerson(user));
      expect((await provisionJobs()).filter((job) => job.status === 'queued')).toHaveLength(1);

      expect(await worker().runOnce()).toBe(true);
      for (const user of newcomers) expect(team.members.has(user.id)).toBe(true);
      expect(team.members.size).toBe(27);
      const calls = graph.graphRequests().map((r) => `${r.method} ${r.path.split('?')[0]}`);
      expect(calls.sort()).toEqual(
        [
          `GET /v1.0/groups/${team.id}/members`,
          `GET /v1.0/groups/${team.id}/owners`,
          'POST /v1.0/$batch',
        ].sort(),
      );
      expect(graph.graphRequests().flatMap((r) => r.subRequests ?? [])).toEqual([
        { method: 'PATCH', url: `/groups/${team.id}`, status: 204 },
      ]);
      const record = await world.ctx.uow.run((repos) => repos.groupProvisioning.find(group.id));
      expect(record).toMatchObject({ state: 'provisioned', membersAdded: 27, teamId: team.id });
      const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
      expect(audit.find((entry) => entry.action === 'group.members-synced')).toMatchObject({
        details: { membersAdded: 2 },
      });
      expect(await worker().runOnce()).toBe(false);
    });

    test('when a member is promoted, then the sync makes them an owner; with nothing missing it only reads', async () => {
      const { group, asha, team, users } = await provisionedWarehouse();
      const ben = await entraPerson(users[1]!);
      await changeMemberRole(
        world.ctx,
        { groupId: group.id, member: { personId: ben.personId }, role: 'admin' },
        asha,
      );
      expect(await worker().runOnce()).toBe(true);
      expect(team.owners).toEqual(new Set([users[0]!.id, users[1]!.id]));

      // A change that leaves the tenant's view as it is (Ben promoted again is no change; a
      // declined-then-joined guest is not in the tenant) costs two reads and nothing else.
      await world.ctx.uow.run((repos) => requestMemberSync(repos, [group.id], clock.now()));
      graph.log.length = 0;
      expect(await worker().runOnce()).toBe(true);
      expect(graph.graphRequests().map((r) => r.method)).toEqual(['GET', 'GET']);
    });

    test('when the team has more members than a page holds, then the sync reads every page before adding', async () => {
      const { group, asha, team, newcomers } = await provisionedWarehouse();
      graph.memberPageSize = 10;
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      await redeemInviteLink(world.ctx, { token }, await entraPerson(newcomers[0]!));
      expect(await worker().runOnce()).toBe(true);
      expect(team.members.size).toBe(26);
      const reads = graph
        .graphRequests()
        .filter((r) => r.method === 'GET' && r.path.split('?')[0]!.endsWith('/members'));
      expect(reads).toHaveLength(3);
      // Nobody already in the team was sent again.
      expect(graph.graphRequests().flatMap((r) => r.subRequests ?? [])).toHaveLength(1);
    });

    test('when a sync keeps failing, then the group stays provisioned and the failure is noted', async () => {
      const { group, asha, newcomers } = await provisionedWarehouse();
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      await redeemInviteLink(world.ctx, { token }, await entraPerson(newcomers[0]!));
      // Members and owners are read side by side, each retried once: four faults fail the attempt.
      graph.failNext.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
      await worker({ maxAttempts: 1 }).runOnce();
      expect(await stateOf(group.id, asha)).toMatchObject({
        state: 'provisioned',
        lastError: expect.any(String),
        reason: null,
      });
      const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
      expect(audit.map((entry) => entry.action)).toContain('group.member-sync-failed');
      // The next change queues a fresh sync, which succeeds.
      await redeemInviteLink(world.ctx, { token }, await entraPerson(newcomers[1]!));
      expect(await worker().runOnce()).toBe(true);
      expect(await stateOf(group.id, asha)).toMatchObject({ state: 'provisioned', lastError: null });
    });

    test('when a sync failed and an admin asks for one, then the missing members are added and the link is kept', async () => {
      const { group, asha, team, newcomers } = await provisionedWarehouse();
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      await redeemInviteLink(world.ctx, { token }, await entraPerson(newcomers[0]!));
      graph.failNext.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
      await worker({ maxAttempts: 1 }).runOnce();
      const failed = await stateOf(group.id, asha);
      expect(failed.lastError).toEqual(expect.any(String));

      expect((await startProvisioning(world.ctx, group.id, asha)).started).toBe('member-sync');
      expect(await worker().runOnce()).toBe(true);
      expect(team.members.has(newcomers[0]!.id)).toBe(true);
      expect(await stateOf(group.id, asha)).toMatchObject({
        state: 'provisioned',
        lastError: null,
        teamUrl: failed.teamUrl,
      });
    });

    test('when someone known only by phone is found in Entra, then they join the team of their mapped group', async () => {
      const { group, team, newcomers, phoneOnly } = await provisionedWarehouse();
      const found = newcomers[0]!;
      await entraLinker(world.ctx)({
        links: [
          {
            personId: phoneOnly,
            user: {
              tenantId: CONTOSO_TENANT,
              aadObjectId: found.id,
              displayName: found.displayName,
              userPrincipalName: null,
            },
          },
        ],
      });
      expect(await worker().runOnce()).toBe(true);
      expect(team.members.has(found.id)).toBe(true);
      expect(await provisionJobs()).toHaveLength(2);
      expect((await world.ctx.uow.run((repos) => repos.groupProvisioning.find(group.id)))?.membersAdded).toBe(
        26,
      );
    });

    test('when one of a batch of people found in Entra is already someone else, then the rest are still linked', async () => {
      const { newcomers, phoneOnly } = await provisionedWarehouse();
      const [held, free] = newcomers as [FakeUser, FakeUser];
      const signedInBefore = await entraPerson(held);
      const other = await phoneOnlyPerson('+919800000002');
      const user = (u: FakeUser) => ({
        tenantId: CONTOSO_TENANT,
        aadObjectId: u.id,
        displayName: u.displayName,
        userPrincipalName: null,
      });
      await entraLinker(world.ctx)({
        links: [
          { personId: phoneOnly, user: user(held) },
          { personId: other, user: user(free) },
        ],
      });
      const people = await world.ctx.uow.run(async (repos) => ({
        phoneOnly: await repos.people.findById(phoneOnly),
        other: await repos.people.findById(other),
        signedIn: await repos.people.findById(signedInBefore.personId),
      }));
      expect(people.phoneOnly?.aadObjectId).toBeNull();
      expect(people.phoneOnly?.directoryOutcome).toBe('matched');
      expect(people.other).toMatchObject({
        directoryOutcome: 'matched',
        directoryCheckedAt: expect.any(String),
      });
      expect(people.other?.aadObjectId).toBe(free.id);
      expect(people.signedIn?.aadObjectId).toBe(held.id);
    });

    test('when someone joins while the team is still being created, then no second job runs beside it and a sync follows', async () => {
      const { group, asha } = await mappedWarehouse();
      const [joiner] = graph.addUsers(1, () => ({}));
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      const { directory: gated, release } = gatedDirectory();
      const creating = new ProvisioningWorker({
        uow: workerCtx.uow,
        clock,
        logger: silent,
        directory: gated,
        leaseMs: LEASE_MS,
        owner: 'worker-a',
      }).runOnce();
      // The worker has read the members; the joiner comes after.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await redeemInviteLink(world.ctx, { token }, await entraPerson(joiner!));
      expect(await provisionJobs()).toHaveLength(1);
      release();
      await expect(creating).resolves.toBe(true);
      const [team] = [...graph.groups.values()];
      expect(team!.members.has(joiner!.id)).toBe(false);

      expect(await worker().runOnce()).toBe(true);
      expect(team!.members.has(joiner!.id)).toBe(true);
      expect(graph.groups.size).toBe(1);
    });

    test('when a group is not in an organisation, then its changes queue no sync', async () => {
      const asha = await world.person('Asha');
      const group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
      const { token } = await createInviteLink(world.ctx, { groupId: group.id }, asha);
      await redeemInviteLink(world.ctx, { token }, await world.person('Ben'));
      expect(await provisionJobs()).toHaveLength(0);
    });
  });

  test('when the local stand-in runs the job, then nothing remote happens and the group is provisioned locally', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    await mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha);
    expect(await worker({ local: true }).runOnce()).toBe(true);
    expect(await stateOf(group.id, asha)).toMatchObject({
      state: 'provisioned',
      target: 'local',
      entraGroupId: null,
      teamId: null,
    });
    expect(graph.graphRequests()).toHaveLength(0);
  });

  test('when the local stand-in is asked for another tenant, then the group fails with PROVISIONING_NEEDS_TENANT at once', async () => {
    const ira = await world.person('Ira', FABRIKAM_TENANT);
    const group = await createGroup(world.ctx, { name: 'Drivers' }, ira);
    await mapGroupToOrganisation(
      world.ctx,
      { groupId: group.id, organisation: { ...contoso, tenantId: FABRIKAM_TENANT, displayName: 'Fabrikam' } },
      ira,
    );
    expect(await worker({ local: true }).runOnce()).toBe(true);
    expect(await stateOf(group.id, ira)).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('tenant mode'),
    });
  });
});
