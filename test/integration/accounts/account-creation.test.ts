import { renderInviteActivity } from '../../../bot/invite-card/render-invite-activity';
import type { Actor } from '../../../src/domain/access/actor';
import { accountCreationReport } from '../../../src/domain/accounts/account-creation-report';
import type { AccountCreator, NewAccount } from '../../../src/domain/accounts/account-creator.port';
import { dryRunAccountCreation, startAccountCreation } from '../../../src/domain/accounts/create-accounts';
import { saveAccountCreationSettings } from '../../../src/domain/accounts/manage-account-creation-settings';
import { createGroup } from '../../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../../src/infra/delivery/create-delivery-worker';
import { GraphAccountCreator } from '../../../src/infra/graph/graph-account-creator';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { createAccountCreationRunner } from '../../../src/infra/jobs/account-creation-jobs';
import { createLogger } from '../../../src/infra/logging/logger';
import { BotConnectorServer } from '../../fakes/bot-connector-server';
import { GraphServer } from '../../fakes/graph-server';
import { drained, fastRetries, phoneNumber } from '../../support/delivery-world';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('creating accounts for people known only by phone', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let graph: GraphServer;
  let creator: GraphAccountCreator;
  let admin: Actor;
  let groupId: string;
  let licenceGroupId: string;
  const people = new Map<string, string>();

  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    graph = new GraphServer();
    await graph.start();
    licenceGroupId = graph.accounts.addGroup('Frontline F1 licence').id;
    const clients = new GraphClients(async () => 'graph-token-for-app', {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
    });
    creator = new GraphAccountCreator(clients, async () => 'graph-token-for-app', {
      replicationDelayMs: 5,
      throttleDefaultMs: 5,
    });
    const { actor, organisation } = await world.orgAdmin('Ira');
    admin = actor;
    groupId = (await createGroup(world.ctx, { name: 'Night shift', organisationId: organisation.id }, actor))
      .id;
    const names = ['Asha Rao', 'Ravi Kumar', 'Asha Rao', null, 'Meena Iyer'];
    const added = await addMembersByPhone(
      world.ctx,
      { groupId, phones: names.map((_, i) => phoneNumber(i)), region: 'IN', role: 'member', source: 'bulk' },
      actor,
    );
    people.clear();
    await world.ctx.uow.run(async (repos) => {
      for (const [i, name] of names.entries()) {
        const person = await repos.people.findByPhone(phoneNumber(i));
        people.set(phoneNumber(i), person!.id);
        if (name) await repos.people.update(person!.id, { displayName: name });
      }
    });
    expect(added).toHaveLength(5);
  });

  afterEach(async () => {
    await graph.stop();
    await under.dispose();
  });

  const turnOn = (licence: string | null = licenceGroupId) =>
    saveAccountCreationSettings(
      world.ctx,
      creator,
      {
        enabled: true,
        upnPattern: '{first}.{last}',
        domain: 'contoso.example',
        licenceGroupId: licence,
        usageLocationFallback: 'IN',
      },
      admin,
    );

  const runJob = async () => {
    const runner = createAccountCreationRunner(world.ctx, creator, createLogger('silent'), { leaseMs: 5000 });
    while (await runner.runOnce()) {}
  };

  test('when creation is off, then a dry run and a start are refused with a clear error and nothing is created', async () => {
    await expect(dryRunAccountCreation(world.ctx, creator, { all: true }, admin)).rejects.toMatchObject({
      code: 'ACCOUNT_CREATION_OFF',
    });
    await expect(startAccountCreation(world.ctx, { all: true }, admin)).rejects.toThrow(/turned off/);
    expect(graph.accounts.created).toEqual([]);
  });

  test('when the domain is not verified, then the settings are refused', async () => {
    await expect(
      saveAccountCreationSettings(
        world.ctx,
        creator,
        {
          enabled: true,
          upnPattern: '{first}.{last}',
          domain: 'fabrikam.example',
          licenceGroupId: null,
          usageLocationFallback: 'IN',
        },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_CREATION_DOMAIN_NOT_VERIFIED' });
  });

  test('when a champ asks, then they cannot see, try or start account creation', async () => {
    await turnOn();
    const champ = await world.person('Chandra');
    await world.ctx.uow.run((repos) => repos.roles.addChamp(groupId, champ.personId));
    await expect(dryRunAccountCreation(world.ctx, creator, { all: true }, champ)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await expect(startAccountCreation(world.ctx, { all: true }, champ)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
  });

  test('when an org admin runs a dry run, then it lists names and sign-in names past collisions and changes nothing', async () => {
    await turnOn();
    graph.addUsers(1, () => ({
      userPrincipalName: 'asha.rao@contoso.example',
      displayName: 'Asha Rao (HQ)',
    }));
    const before = graph.graphRequests().filter((r) => r.method !== 'GET').length;
    const dry = await dryRunAccountCreation(world.ctx, creator, { all: true }, admin);
    expect(dry.people.map((p) => [p.displayName, p.status, p.userPrincipalName, p.usageLocation])).toEqual([
      // The first Asha's name is taken in the directory; the second keeps the suffix the list gave her.
      ['Asha Rao', 'create', 'asha.rao3@contoso.example', 'IN'],
      ['Ravi Kumar', 'create', 'ravi.kumar@contoso.example', 'IN'],
      ['Asha Rao', 'create', 'asha.rao2@contoso.example', 'IN'],
      [null, 'needs-name', null, 'IN'],
      ['Meena Iyer', 'create', 'meena.iyer@contoso.example', 'IN'],
    ]);
    expect(graph.accounts.created).toEqual([]);
    expect(graph.graphRequests().filter((r) => r.method !== 'GET' && r.path !== '/v1.0/$batch').length).toBe(
      before,
    );
    const person = await world.ctx.uow.read((repos) => repos.people.findByPhone(phoneNumber(0)));
    expect(person?.aadObjectId).toBeNull();
  });

  test('when accounts are created, then people are linked, SMS sign-in is on, the licence group has them, their failed invite cards go out and their team syncs', async () => {
    await turnOn();
    const connector = new BotConnectorServer({ perApp: 500, perConversation: 7 });
    const connectorUrl = await connector.start();
    const directory = new GraphDirectory(
      new GraphClients(async () => 'graph-token-for-app', { baseUrl: graph.url, retryDelaySeconds: 0 }),
      {
        defaultRegion: 'IN',
        botServiceUrl: connectorUrl,
        teamsAppCatalogId: 'convene-app',
        replicationDelayMs: 5,
      },
    );
    const delivery = createDeliveryWorker({
      storage: under.storage,
      ctx: { uow: world.ctx.uow, clock: systemClock },
      directory,
      render: renderInviteActivity,
      logger: createLogger('silent'),
      options: { ratePerSecond: 50, perConversationPerSecond: 7, ...fastRetries, maxAttempts: 1 },
    });
    try {
      // Before: no account has their numbers, so the cards fail.
      delivery.start();
      await drained(under.storage);
      await world.ctx.uow.run((repos) =>
        repos.groupProvisioning.save({
          groupId,
          jobId: 'provisioned-earlier',
          state: 'provisioned',
          target: 'tenant',
          entraGroupId: 'team-group',
          teamId: 'team',
          teamUrl: null,
          membersAdded: 1,
          lastError: null,
          failureReason: null,
          requestedAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        }),
      );
      const started = await startAccountCreation(world.ctx, { all: true }, admin);
      expect(started).toMatchObject({ people: 4, skipped: 1 });
      await runJob();
      await drained(under.storage);

      const report = await accountCreationReport(world.ctx, started.jobId, admin);
      expect(report.status).toBe('succeeded');
      expect(report.counts).toEqual({ created: 4, partial: 0, failed: 0, skipped: 1 });
      expect(report.people.find((p) => p.reasonCode === 'NEEDS_NAME')?.outcome).toBe('skipped');
      const asha = await world.ctx.uow.read((repos) => repos.people.findById(people.get(phoneNumber(0))!));
      expect(asha).toMatchObject({
        tenantId: CONTOSO_TENANT,
        userPrincipalName: 'asha.rao@contoso.example',
        directoryOutcome: 'matched',
      });
      const user = graph.users.find((u) => u.id === asha!.aadObjectId)!;
      expect(user).toMatchObject({ displayName: 'Asha Rao', mobilePhone: phoneNumber(0) });
      expect(graph.accounts.phoneMethods.get(user.id)).toEqual({
        phoneNumber: `+91 ${phoneNumber(0).slice(3)}`,
        smsSignIn: true,
      });
      expect(graph.groups.get(licenceGroupId)!.members.size).toBe(4);
      expect(graph.accounts.created.sort()).toEqual([
        'asha.rao2@contoso.example',
        'asha.rao@contoso.example',
        'meena.iyer@contoso.example',
        'ravi.kumar@contoso.example',
      ]);
      // Their invite cards went out to the new accounts' chats.
      const delivered = new Set(connector.accepted.map((a) => a.conversationId));
      expect(delivered.has(`19:${user.id}_bot@unq.gbl.spaces`)).toBe(true);
      expect(delivered.size).toBe(4);
      // The group's team is asked to pick them up.
      const syncs = await under.storage.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'group.provision')
        .execute();
      expect(syncs.some((job) => JSON.parse(job.payload).groupId === groupId)).toBe(true);
      const audit = await under.storage.db
        .selectFrom('audit_entries')
        .select('action')
        .where('job_id', '=', started.jobId)
        .execute();
      expect(audit.filter((a) => a.action === 'person.account-created')).toHaveLength(4);
    } finally {
      await delivery.stop();
      await connector.stop();
    }
  });

  test('when SMS sign-in is refused for a number and the licence group is gone, then those people keep their accounts and the report says why', async () => {
    await turnOn();
    graph.accounts.smsTakenNumbers.add(phoneNumber(1));
    const started = await startAccountCreation(
      world.ctx,
      { personIds: [people.get(phoneNumber(0))!, people.get(phoneNumber(1))!] },
      admin,
    );
    graph.groups.delete(licenceGroupId);
    await runJob();
    const report = await accountCreationReport(world.ctx, started.jobId, admin);
    const byName = new Map(report.people.map((p) => [p.displayName, p]));
    expect(byName.get('Ravi Kumar')).toMatchObject({
      outcome: 'partial',
      reasonCode: 'SMS_SIGN_IN_CONFLICT',
      steps: { account: true, phoneMethod: true, smsSignIn: false, licenceGroup: false },
    });
    expect(byName.get('Asha Rao')).toMatchObject({
      outcome: 'partial',
      reasonCode: 'LICENCE_GROUP_MISSING',
      steps: { smsSignIn: true },
    });
    const ravi = await world.ctx.uow.read((repos) => repos.people.findById(people.get(phoneNumber(1))!));
    expect(ravi?.aadObjectId).not.toBeNull();
  });

  test('when the answers to the create requests are lost (the worker dies after sending), then the next attempt finds the accounts and creates none twice', async () => {
    await turnOn();
    const started = await startAccountCreation(world.ctx, { all: true }, admin);
    // The requests reach Graph, then the worker dies before recording what Graph answered.
    const dying: AccountCreator = Object.create(creator, {
      createAccounts: {
        value: async (tenantId: string, accounts: readonly NewAccount[]) => {
          await creator.createAccounts(tenantId, accounts);
          throw new Error('connection reset before the answer arrived');
        },
      },
    });
    const first = createAccountCreationRunner(world.ctx, dying, createLogger('silent'), { leaseMs: 5000 });
    expect(await first.runOnce()).toBe(true);
    expect(graph.accounts.created).toHaveLength(4);
    const atCrash = await under.storage.db
      .selectFrom('account_creation_people')
      .select(['sending', 'object_id'])
      .where('job_id', '=', started.jobId)
      .where('outcome', 'is', null)
      .execute();
    expect(atCrash.every((row) => row.sending === 1 && row.object_id === null)).toBe(true);
    // The job was released for a later attempt (after its back-off).
    world.clock.advanceDays(1);
    await runJob();
    const report = await accountCreationReport(world.ctx, started.jobId, admin);
    expect(report).toMatchObject({ status: 'succeeded', counts: { created: 4, failed: 0 } });
    expect(graph.accounts.created).toHaveLength(4);
    expect(graph.groups.get(licenceGroupId)!.members.size).toBe(4);
  });

  test('when someone is linked to an account by a lookup after the job started, then the job leaves them alone', async () => {
    await turnOn();
    const started = await startAccountCreation(
      world.ctx,
      { personIds: [people.get(phoneNumber(4))!] },
      admin,
    );
    await world.ctx.uow.run((repos) =>
      repos.people.update(people.get(phoneNumber(4))!, {
        tenantId: CONTOSO_TENANT,
        aadObjectId: 'found-by-lookup',
      }),
    );
    await runJob();
    const report = await accountCreationReport(world.ctx, started.jobId, admin);
    expect(report.people[0]).toMatchObject({ outcome: 'skipped', reasonCode: 'HAS_ACCOUNT' });
    expect(graph.accounts.created).toEqual([]);
  });

  test('when a sign-in name is taken after the dry run, then the job moves on to a suffix and creates nobody twice when run again', async () => {
    await turnOn(null);
    const started = await startAccountCreation(
      world.ctx,
      { personIds: [people.get(phoneNumber(1))!] },
      admin,
    );
    graph.addUsers(1, () => ({ userPrincipalName: 'Ravi.Kumar@contoso.example' }));
    await runJob();
    const report = await accountCreationReport(world.ctx, started.jobId, admin);
    expect(report.people[0]).toMatchObject({
      outcome: 'created',
      userPrincipalName: 'ravi.kumar2@contoso.example',
    });
    await expect(
      startAccountCreation(world.ctx, { personIds: [people.get(phoneNumber(1))!] }, admin),
    ).rejects.toMatchObject({
      code: 'NOBODY_TO_CREATE',
    });
    expect(graph.accounts.created).toEqual(['ravi.kumar2@contoso.example']);
  });
});
