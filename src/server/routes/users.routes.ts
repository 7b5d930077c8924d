import type { Server } from 'restify';
import { z } from 'zod';
import { removeMember } from '../../domain/memberships/remove-member';
import { MAX_SEARCH_LENGTH } from '../../domain/people/person-search';
import { addPersonToGroups } from '../../domain/users/add-person-to-groups';
import { exportUsers } from '../../domain/users/export-users';
import { listUsers } from '../../domain/users/list-users';
import { removePersonFromAllGroups } from '../../domain/users/remove-person-from-groups';
import { resendPersonInvites } from '../../domain/users/resend-person-invites';
import { accountStates, MAX_GROUPS_PER_CHANGE, MAX_USERS_PAGE_SIZE } from '../../domain/users/users';
import { viewPerson } from '../../domain/users/view-person';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, parseQuery, route, sendCsv } from '../route';

const PATH = '/api/v1/portal/users';
const id = z.string().trim().min(1).max(64);

/** An empty field (a cleared filter in the tab) means no filter. */
const filterFields = {
  search: z.string().max(MAX_SEARCH_LENGTH).optional(),
  group: z.string().trim().max(64).optional(),
  account: z.union([z.enum(accountStates), z.literal('')]).optional(),
};

const listQuery = z.object({
  ...filterFields,
  after: id.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_USERS_PAGE_SIZE).default(50),
});

const groupsBody = z
  .object({
    groupIds: z.array(id).min(1).max(MAX_GROUPS_PER_CHANGE),
    role: z.enum(['member', 'admin']).default('member'),
  })
  .strict();

const resendBody = z.object({ groupIds: z.array(id).min(1).max(MAX_GROUPS_PER_CHANGE).optional() }).strict();

const toFilter = (q: { search?: string; group?: string; account?: string }) => ({
  search: q.search,
  groupId: q.group,
  account: q.account ? (q.account as (typeof accountStates)[number]) : undefined,
});

/**
 * The portal's Users view (org admins: everyone in the organisation's groups; champs: the people of
 * their groups): the list, its CSV export, a person's page, and the changes made from it.
 */
export function registerUserRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    PATH,
    route(deps, async (req) => {
      const q = parseQuery(req, listQuery);
      return listUsers(
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
      const lines = await exportUsers(deps.ctx, toFilter(q), await actorOf(deps, req));
      await sendCsv(res, 'users.csv', lines);
    }),
  );

  server.get(
    `${PATH}/:personId`,
    route(deps, async (req) => viewPerson(deps.ctx, req.params.personId, await actorOf(deps, req))),
  );

  server.post(
    `${PATH}/:personId/groups`,
    route(deps, async (req) => {
      const body = parseBody(req, groupsBody);
      const outcomes = await addPersonToGroups(
        deps.ctx,
        { personId: req.params.personId, groupIds: body.groupIds, role: body.role },
        await actorOf(deps, req),
      );
      return { outcomes };
    }),
  );

  server.del(
    `${PATH}/:personId/groups`,
    route(deps, async (req) => ({
      outcomes: await removePersonFromAllGroups(deps.ctx, req.params.personId, await actorOf(deps, req)),
    })),
  );

  server.del(
    `${PATH}/:personId/groups/:groupId`,
    route(deps, async (req) => {
      await removeMember(
        deps.ctx,
        { groupId: req.params.groupId, member: { personId: req.params.personId } },
        await actorOf(deps, req),
      );
    }),
  );

  server.post(
    `${PATH}/:personId/invites/resend`,
    route(deps, async (req) => {
      const body = parseBody(req, resendBody);
      const outcomes = await resendPersonInvites(
        deps.ctx,
        { personId: req.params.personId, groupIds: body.groupIds },
        await actorOf(deps, req),
      );
      return { outcomes };
    }),
  );
}
