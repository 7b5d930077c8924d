import { BATCH_LIMIT } from '../src/infra/graph/graph-batcher';
import { GraphClients } from '../src/infra/graph/graph-client';
import { GraphDirectory, MEMBERS_PER_REQUEST } from '../src/infra/graph/graph-directory';
import { filterRequestCount, PAGE_SIZE } from '../src/infra/graph/graph-user-lookup';
import { GraphServer } from '../test/fakes/graph-server';
import type { Benchmark } from './figure';

const N = 10_000;
const TENANT_USERS = 50_000;
const TENANT = '11111111-1111-1111-1111-111111111111';
const phone = (i: number) => `+9198${String(100_000_000 + i).slice(1)}`;

/**
 * P4: Graph requests made to find N = 10,000 people by phone and add them to a provisioned group,
 * ÷ the fewest the chosen strategy allows, against a loopback Graph that throttles 1% of the
 * sub-requests inside batches (so the re-sends are counted too).
 */
export const graphRequestsBenchmark: Benchmark = {
  ids: ['P4'],
  title: `resolve and add ${N} people through a loopback Graph (1% of sub-requests throttled)`,
  async run() {
    const graph = new GraphServer();
    await graph.start();
    try {
      graph.addUsers(TENANT_USERS, (i) => ({ mobilePhone: phone(i) }));
      graph.throttleSubRequest = (_url, n) => (n % 100 === 37 ? 0 : undefined);
      const clients = new GraphClients(async () => 'graph-token-for-app', {
        baseUrl: graph.url,
        retryDelaySeconds: 0,
      });
      const directory = new GraphDirectory(clients, {
        defaultRegion: 'IN',
        botServiceUrl: 'https://smba.trafficmanager.net/teams/',
        replicationDelayMs: 10,
        throttleDefaultMs: 10,
      });
      const numbers = Array.from({ length: N }, (_, i) => phone(i));
      const started = performance.now();
      const found = await directory.findUsersByPhone(TENANT, numbers);
      const resolveRequests = graph.graphRequests().length;
      const ids = [...found.values()].map((u) => u.aadObjectId);
      const provisioned = await directory.provisionGroup({
        tenantId: TENANT,
        groupId: 'bench-0000-group',
        name: 'Contoso – All Employees',
        description: 'Benchmark',
        ownerIds: ids.slice(0, 2),
        memberIds: ids.slice(2),
        existingGroupId: null,
        existingTeamId: null,
      });
      const seconds = (performance.now() - started) / 1000;
      const made = graph.graphRequests().length;
      // The filters: every number spelt two ways, 7 a request, looked for as a mobile and a business phone.
      const queries = numbers.map((p) => ({ key: p, phone: p, email: null, employeeId: null }));
      const filterBatches = Math.ceil(filterRequestCount(queries) / BATCH_LIMIT);
      const pages = Math.ceil(TENANT_USERS / PAGE_SIZE);
      const resolveMinimum = Math.min(filterBatches, pages);
      const addMinimum = Math.ceil(Math.ceil(N / MEMBERS_PER_REQUEST) / BATCH_LIMIT);
      // Creating the group and its team are one request each.
      const minimum = resolveMinimum + addMinimum + 2;
      const subRequests = graph.graphRequests().reduce((sum, r) => sum + (r.subRequests?.length ?? 1), 0);
      return [
        {
          id: 'P4',
          figure: 'Graph requests to resolve and add 10,000 people ÷ the minimum for the chosen strategy',
          value: made / minimum,
          unit: 'ratio',
          target: '<= 1.1',
          notes: {
            requests: made,
            minimum,
            strategy: filterBatches <= pages ? 'filter $batch 20×(7 numbers × 2 spellings)' : 'pages of 999',
            filterBatches,
            pages,
            resolveRequests,
            found: found.size,
            membersAdded: provisioned.membersAdded,
            subRequests,
            naive: 2 * N,
            seconds: seconds.toFixed(2),
          },
        },
      ];
    } finally {
      await graph.stop();
    }
  },
};
