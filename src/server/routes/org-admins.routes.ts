import type { Server } from 'restify';
import { z } from 'zod';
import { addOrgAdmin, listOrgAdmins, removeOrgAdmin } from '../../domain/organisations/manage-org-admins';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, route } from '../route';

const orgAdminBody = z.union([
  z.object({ personId: z.string().min(1) }),
  z.object({ account: z.string().trim().min(3).max(320) }),
]);

/** The portal's Org admins panel: who runs the organisation and why; org admins name and remove others. */
export function registerOrgAdminRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/portal/org-admins',
    route(deps, async (req) => listOrgAdmins(deps.ctx, await actorOf(deps, req))),
  );

  server.post(
    '/api/v1/portal/org-admins',
    route(deps, async (req, res) => {
      const body = parseBody(req, orgAdminBody);
      const result = await addOrgAdmin(deps.ctx, deps.directory, body, await actorOf(deps, req));
      res.status(result.changed ? 201 : 200);
      return result;
    }),
  );

  server.del(
    '/api/v1/portal/org-admins/:personId',
    route(deps, async (req) => removeOrgAdmin(deps.ctx, req.params.personId, await actorOf(deps, req))),
  );
}
