import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import type { Organisation } from '../../../src/domain/organisations/organisation';
import { listUnmatchedPeople } from '../../../src/domain/unmatched-people/list-unmatched-people';
import { getLookup, lookUpAgain } from '../../../src/domain/unmatched-people/look-up-again';
import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import type { JobRunner } from '../../../src/infra/jobs/job-runner';
import { createLookupRunner } from '../../../src/infra/jobs/lookup-jobs';
import { createLogger } from '../../../src/infra/logging/logger';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('Look up again asks the loopback Graph about people without an account', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let admin: Actor;
  let organisation: Organisation;
  let graph: GraphServer;
  let runner: JobRunner;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    ({ actor: admin, organisation } = await world.orgAdmin('Priya'));
    graph = new GraphServer();
    await graph.start();
    const entra = new EntraApp({
      clientId: 'client-id',
      tenantId: organisation.tenantId,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    const clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      maxRetries: 1,
      networkRetryDelayMs: 5,
    });
    const directory = new GraphDirectory(clients, {
      defaultRegion: 'IN',
      botServiceUrl: 'https://smba.trafficmanager.net/in/',
      teamsAppCatalogId: 'catalog-app-1',
      replicationDelayMs: 5,
      throttleDefaultMs: 5,
    });
    runner = createLookupRunner(world.ctx, directory, createLogger('silent'), {
      leaseMs: 30_000,
      batchSize: 2,
    });
  });
  afterEach(async () => {
    await graph.stop();
    await under.dispose();
  });

  const addToSales = async (phones: string[]) => {
    const sales = await createGroup(world.ctx, { name: 'Sales', organisationId: organisation.id }, admin);
    await addMembersByPhone(
      world.ctx,
      { groupId: sales.id, phones, region: 'IN', role: 'member', source: 'manual' },
      admin,
    );
  };
  const person = (phone: string) =>
    world.ctx.uow.run(async (repos) => (await repos.people.findByPhone(phone))!);
  const listed = async () =>
    (await listUnmatchedPeople(world.ctx, { filter: {}, limit: 50 }, admin)).people.map((p) => p.phone);

  test('when everyone is looked up and one number now has an account, then that person is linked with their sign-in name, their failed card is queued again, and the rest are recorded as not found', async () => {
    await addToSales(['9988554401', '9988554402', '9988554403']);
    const [ravi] = graph.addUsers(1, () => ({
      displayName: 'Ravi Kumar',
      userPrincipalName: 'ravi@contoso.example',
      mobilePhone: '+919988554402',
    }));
    world.clock.advanceDays(1);
    // Their invite card failed when no account had the number.
    const raviId = (await person('+919988554402')).id;
    await under.storage.db
      .updateTable('card_invites')
      .set({ state: 'failed' })
      .where('person_id', '=', raviId)
      .execute();

    const started = await lookUpAgain(world.ctx, { filter: {} }, admin);
    expect(started).toMatchObject({ status: 'queued', progress: { done: 0, total: 3 } });
    expect(await runner.runOnce()).toBe(true);

    const finished = await getLookup(world.ctx, started.id, admin);
    expect(finished).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      counts: { matched: 1, notFound: 2, failed: 0 },
    });
    expect(await person('+919988554402')).toMatchObject({
      aadObjectId: ravi!.id,
      tenantId: organisation.tenantId,
      displayName: 'Ravi Kumar',
      userPrincipalName: 'ravi@contoso.example',
      directoryOutcome: 'matched',
      directoryCheckedAt: '2026-01-06T09:00:00.000Z',
    });
    expect(await person('+919988554401')).toMatchObject({
      aadObjectId: null,
      directoryOutcome: 'not-found',
      directoryCheckedAt: '2026-01-06T09:00:00.000Z',
    });
    expect(await listed()).toEqual(['+919988554401', '+919988554403']);
    // Now that they have an account, the card goes out again.
    const invites = await under.storage.db
      .selectFrom('card_invites')
      .select('state')
      .where('person_id', '=', raviId)
      .execute();
    expect(invites.map((i) => i.state)).toEqual(['queued']);
    const page = await listUnmatchedPeople(world.ctx, { filter: {}, limit: 50 }, admin);
    expect(page.people[0]!.lastLookup).toEqual({ at: '2026-01-06T09:00:00.000Z', outcome: 'not-found' });
  });

  test('when a selection is looked up, then only the chosen people are asked about', async () => {
    await addToSales(['9988554401', '9988554402']);
    const chosen = await person('+919988554401');
    const started = await lookUpAgain(
      world.ctx,
      { personIds: [chosen.id, chosen.id, 'not-a-person'] },
      admin,
    );
    expect(started.progress.total).toBe(1);
    await runner.runOnce();
    expect((await person('+919988554401')).directoryOutcome).toBe('not-found');
    expect((await person('+919988554402')).directoryOutcome).toBeNull();
    const asked = graph
      .graphRequests()
      .map((r) => JSON.stringify(r.subRequests ?? r.path))
      .join(' ');
    expect(asked).toContain('9988554401');
    expect(asked).not.toContain('9988554402');
  });

  test('when a runner died after a committed batch, then the next one resumes after it and asks about nobody twice', async () => {
    await addToSales(['9988554401', '9988554402', '9988554403']);
    const started = await lookUpAgain(world.ctx, { filter: {} }, admin);
    const [first, second] = [await person('+919988554401'), await person('+919988554402')].sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    // What the dead runner committed: its first batch (two people, batchSize 2), then nothing.
    await under.storage.db
      .updateTable('jobs')
      .set({ checkpoint: JSON.stringify({ after: second!.id, done: 2, matched: 0, notFound: 2, failed: 0 }) })
      .where('id', '=', started.id)
      .execute();

    await runner.runOnce();

    expect(await getLookup(world.ctx, started.id, admin)).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      counts: { notFound: 3 },
    });
    expect((await person('+919988554403')).directoryOutcome).toBe('not-found');
    expect((await person(first!.phone!)).directoryOutcome).toBeNull();
    expect(graph.graphRequests()).toHaveLength(1);
  });

  test('when Graph cannot be reached, then the people are recorded as failed and can be looked up again', async () => {
    await addToSales(['9988554401']);
    for (let i = 0; i < 20; i++) graph.failNext.push({ status: 500 });
    const started = await lookUpAgain(world.ctx, { filter: {} }, admin);
    await runner.runOnce();
    expect(await getLookup(world.ctx, started.id, admin)).toMatchObject({
      status: 'succeeded',
      counts: { matched: 0, notFound: 0, failed: 1 },
    });
    expect((await person('+919988554401')).directoryOutcome).toBe('failed');
    expect(await listed()).toEqual(['+919988554401']);
  });

  test('when someone else asks, then a member is refused and another organisation cannot read the lookup', async () => {
    await addToSales(['9988554401']);
    const started = await lookUpAgain(world.ctx, { filter: {} }, admin);
    const member = await world.person('Meena');
    await expect(lookUpAgain(world.ctx, { filter: {} }, member)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await expect(getLookup(world.ctx, started.id, member)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const fabrikam = await world.orgAdmin('Fiona', FABRIKAM_TENANT);
    await expect(getLookup(world.ctx, started.id, fabrikam.actor)).rejects.toMatchObject({
      code: 'LOOKUP_NOT_FOUND',
    });
    const tooMany = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    await expect(lookUpAgain(world.ctx, { personIds: tooMany }, admin)).rejects.toMatchObject({
      code: 'LOOKUP_SELECTION_TOO_LARGE',
    });
  });
});
