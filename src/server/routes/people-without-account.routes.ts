import type { Server } from 'restify';
import { z } from 'zod';
import { exportUnmatchedPeople } from '../../domain/unmatched-people/export-unmatched-people';
import { listUnmatchedPeople } from '../../domain/unmatched-people/list-unmatched-people';
import { getLookup, lookUpAgain, MAX_LOOKUP_SELECTION } from '../../domain/unmatched-people/look-up-again';
import { MAX_PAGE_SIZE, MAX_SEARCH_LENGTH } from '../../domain/unmatched-people/unmatched-people';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, parseQuery, route, sendCsv } from '../route';

const PATH = '/api/v1/portal/people-without-account';
const id = z.string().trim().min(1).max(64);

/** An empty field (a cleared filter in the tab) means no filter. */
const filterFields = {
  search: z.string().max(MAX_SEARCH_LENGTH).optional(),
  group: z.string().trim().max(64).optional(),
  region: z.string().trim().max(8).optional(),
};

const listQuery = z.object({
  ...filterFields,
  after: id.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

const lookupBody = z.union([
  z.object({ personIds: z.array(id).min(1).max(MAX_LOOKUP_SELECTION) }).strict(),
  z.object({ all: z.literal(true), filter: z.object(filterFields).strict().default({}) }).strict(),
]);

const toFilter = (q: { search?: string; group?: string; region?: string }) => ({
  search: q.search,
  groupId: q.group,
  region: q.region,
});

/** The portal's People without an account page: the list, its CSV export, and Look up again. */
export function registerPeopleWithoutAccountRoutes(
  server: Server,
  deps: ApiDeps,
  lookups: { nudge(): void },
): void {
  server.get(
    PATH,
    route(deps, async (req) => {
      const q = parseQuery(req, listQuery);
      return listUnmatchedPeople(
        deps.ctx,
        { filter: toFilter(q), after: q.after, limit: q.limit },
        await actorOf(deps, req),
      );
    }),
  );

  server.get(
    `${PATH}/export.csv`,
    route(deps, async (req, res) => {
      const q = parseQuery(req, z.object(filterFields));
      const lines = await exportUnmatchedPeople(deps.ctx, toFilter(q), await actorOf(deps, req));
      await sendCsv(res, 'people-without-account.csv', lines);
    }),
  );

  server.post(
    `${PATH}/lookups`,
    route(deps, async (req, res) => {
      const body = parseBody(req, lookupBody);
      const lookup = await lookUpAgain(
        deps.ctx,
        'personIds' in body ? { personIds: body.personIds } : { filter: toFilter(body.filter) },
        await actorOf(deps, req),
      );
      lookups.nudge();
      res.status(202);
      return { lookup };
    }),
  );

  server.get(
    `${PATH}/lookups/:id`,
    route(deps, async (req) => ({
      lookup: await getLookup(deps.ctx, req.params.id, await actorOf(deps, req)),
    })),
  );
}
