import { randomUUID } from 'node:crypto';
import { startAccountCreation } from '../src/domain/accounts/create-accounts';
import { saveAccountCreationSettings } from '../src/domain/accounts/manage-account-creation-settings';
import { createGroup } from '../src/domain/groups/create-group';
import { addMembersByPhone } from '../src/domain/memberships/add-members-by-phone';
import { ensureOrganisationAdmin } from '../src/domain/organisations/ensure-organisation-admin';
import { identifyTeamsUser } from '../src/domain/people/identify-teams-user';
import { systemClock } from '../src/domain/shared/clock.port';
import type { DomainContext } from '../src/domain/shared/unit-of-work.port';
import { GraphAccountCreator } from '../src/infra/graph/graph-account-creator';
import { BATCH_LIMIT } from '../src/infra/graph/graph-batcher';
import { GraphClients } from '../src/infra/graph/graph-client';
import type { WriteLimit } from '../src/infra/graph/write-pacer';
import { GRAPH_DIRECTORY_WRITE_LIMIT } from '../src/infra/graph/write-pacer';
import { createAccountCreationRunner } from '../src/infra/jobs/account-creation-jobs';
import { createLogger } from '../src/infra/logging/logger';
import { openStorage } from '../src/infra/storage/database';
import { KyselyUnitOfWork } from '../src/infra/storage/kysely-unit-of-work';
import { GraphServer } from '../test/fakes/graph-server';
import type { Benchmark, Figure } from './figure';

const N = 2000;
const TENANT = '11111111-1111-1111-1111-111111111111';
/** Graph's write quota with time compressed 10× (the same 3,000 writes, per 15 s instead of 150 s). */
const TIME_COMPRESSION = 10;
const LIMIT: WriteLimit = {
  writes: GRAPH_DIRECTORY_WRITE_LIMIT.writes,
  windowMs: GRAPH_DIRECTORY_WRITE_LIMIT.windowMs / TIME_COMPRESSION,
};
/** Writes one account costs: POST /users, the phone method, SMS sign-in, and 1/20 of a group PATCH. */
const WRITES_PER_ACCOUNT = 3 + 1 / 20;
const phone = (i: number) => `+9198${String(100_000_000 + i).slice(1)}`;

/**
 * F1 and F2 from one run: an org admin's job creates N = 2,000 accounts (SMS sign-in, licensing group)
 * through the real domain, SQLite and the Graph adapter, against a loopback Graph enforcing the
 * identity service's write quota per app and tenant (3,000 writes per 150 s) with time compressed 10×.
 *
 * F1 counts Graph operations: a request inside a `$batch` counts as one (it is what Graph throttles
 * and bills), the `$batch` envelope itself not at all. The minimum for the work is 3 per person (create,
 * phone method, SMS sign-in: each names one account, none can be merged) plus one group PATCH per 20
 * people: 3N + ⌈N/20⌉ = 6,100. Looking sign-in names up before creating is extra and counted (15 names
 * per filter). HTTP round trips ÷ their own minimum (⌈6,100 / 20⌉ = 305) are printed beside it.
 */
export const accountCreationBenchmark: Benchmark = {
  ids: ['F1', 'F2'],
  title: `create ${N} accounts with SMS sign-in and licensing group through a loopback Graph enforcing the write quota`,
  async run(): Promise<Figure[]> {
    const graph = new GraphServer();
    await graph.start();
    const storage = await openStorage({ dataDir: ':memory:' });
    try {
      graph.accounts.writeLimit = LIMIT;
      const licence = graph.accounts.addGroup('Frontline F1 licence');
      const ctx: DomainContext = { uow: new KyselyUnitOfWork(storage.db), clock: systemClock };
      const aadObjectId = randomUUID();
      const identity = { tenantId: TENANT, aadObjectId, displayName: 'Ira' };
      const organisation = await ensureOrganisationAdmin(
        ctx,
        { tenantId: TENANT, displayName: 'Contoso', defaultRegion: 'IN' },
        identity,
      );
      const admin = await identifyTeamsUser(ctx, identity);
      const group = await createGroup(ctx, { name: 'Warehouse', organisationId: organisation.id }, admin);
      const phones = Array.from({ length: N }, (_, i) => phone(i));
      await addMembersByPhone(
        ctx,
        { groupId: group.id, phones, region: 'IN', role: 'member', source: 'bulk' },
        admin,
      );
      await ctx.uow.run(async (repos) => {
        for (const [i, p] of phones.entries()) {
          const person = await repos.people.findByPhone(p);
          await repos.people.update(person!.id, { displayName: `Worker ${i} Rao` });
        }
      });
      const clients = new GraphClients(async () => 'graph-token-for-app', {
        baseUrl: graph.url,
        retryDelaySeconds: 1,
      });
      const creator = new GraphAccountCreator(clients, async () => 'graph-token-for-app', {
        writeLimit: LIMIT,
      });
      await saveAccountCreationSettings(
        ctx,
        creator,
        {
          enabled: true,
          upnPattern: '{first}.{last}',
          domain: 'contoso.example',
          licenceGroupId: licence.id,
          usageLocationFallback: 'IN',
        },
        admin,
      );
      const runner = createAccountCreationRunner(ctx, creator, createLogger('silent'), { leaseMs: 30_000 });
      const before = graph.graphRequests().length;
      const started = performance.now();
      await startAccountCreation(ctx, { all: true }, admin);
      while (await runner.runOnce()) {}
      const seconds = (performance.now() - started) / 1000;

      const requests = graph.graphRequests().slice(before);
      const operations = requests.reduce((sum, r) => sum + (r.subRequests ? r.subRequests.length : 1), 0);
      const minimum = 3 * N + Math.ceil(N / 20);
      const created = graph.accounts.created;
      const linked = await storage.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('aad_object_id', 'is not', null)
        .where('phone', 'is not', null)
        .executeTakeFirstOrThrow();
      const smsOn = [...graph.accounts.phoneMethods.values()].filter((m) => m.smsSignIn).length;
      const limitAccountsPerSecond = LIMIT.writes / (LIMIT.windowMs / 1000) / WRITES_PER_ACCOUNT;
      const lost = N - Number(linked.n);
      const twice = created.length - new Set(created).size;
      return [
        {
          id: 'F1',
          figure: 'Graph operations to create 2,000 accounts ÷ minimum (3 per person + 1 group PATCH per 20)',
          value: operations / minimum,
          unit: 'ratio',
          target: '<= 1.1',
          notes: {
            operations,
            minimum,
            httpRequests: requests.length,
            httpRatio: (requests.length / Math.ceil(minimum / BATCH_LIMIT)).toFixed(3),
            throttledWrites: graph.accounts.throttledWrites,
          },
        },
        {
          id: 'F2',
          figure: 'accounts created per second ÷ what the write quota allows (10× compressed)',
          value: lost === 0 && twice === 0 && smsOn === N ? N / seconds / limitAccountsPerSecond : 0,
          unit: 'ratio',
          target: '>= 0.9',
          notes: {
            accountsPerSecond: (N / seconds).toFixed(2),
            limitAccountsPerSecond: limitAccountsPerSecond.toFixed(2),
            seconds: seconds.toFixed(1),
            lost,
            createdTwice: twice,
            licensed: licence.members.size,
          },
        },
      ];
    } finally {
      await storage.close();
      await graph.stop();
    }
  },
};
