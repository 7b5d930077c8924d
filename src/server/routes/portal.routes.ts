import type { Server } from 'restify';
import { z } from 'zod';
import { assignChamp, listChamps, unassignChamp } from '../../domain/champs/manage-champs';
import { MAX_PHOTO_UPLOAD_BYTES } from '../../domain/group-photos/group-photo';
import { listManagedGroups } from '../../domain/groups/list-managed-groups';
import { viewGroup } from '../../domain/groups/view-group';
import { phoneRegionFor } from '../../domain/organisations/phone-region';
import { supportedRegions } from '../../domain/people/phone-number';
import { startOrganisationProvisioning } from '../../domain/provisioning/start-organisation-provisioning';
import { startProvisioning } from '../../domain/provisioning/start-provisioning';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, route } from '../route';

const champBody = z.union([
  z.object({ personId: z.string().min(1) }),
  z.object({ phone: z.string().min(1), region: z.string().optional() }),
]);

/** What the management portal (the tab) reads and changes beyond groups and members. */
export function registerPortalRoutes(server: Server, deps: ApiDeps): void {
  const regions = supportedRegions();
  server.get(
    '/api/v1/regions',
    route(deps, async () => ({ regions })),
  );

  server.get(
    '/api/v1/portal/groups',
    route(deps, async (req) => listManagedGroups(deps.ctx, await actorOf(deps, req))),
  );

  server.post(
    '/api/v1/portal/teams',
    route(deps, async (req, res) => {
      const result = await startOrganisationProvisioning(deps.ctx, await actorOf(deps, req));
      res.status(202);
      return result;
    }),
  );

  server.get(
    '/api/v1/groups/:id',
    route(deps, async (req) => {
      const actor = await actorOf(deps, req);
      const view = await viewGroup(deps.ctx, req.params.id, actor);
      const champs = await listChamps(deps.ctx, req.params.id, actor);
      // The photo limit goes with the group, so the page can refuse a big file before sending it.
      return { ...view, champs, maxPhotoBytes: MAX_PHOTO_UPLOAD_BYTES };
    }),
  );

  server.post(
    '/api/v1/groups/:id/provisioning',
    route(deps, async (req, res) => {
      const result = await startProvisioning(deps.ctx, req.params.id, await actorOf(deps, req));
      res.status(202);
      return result;
    }),
  );

  server.get(
    '/api/v1/groups/:id/champs',
    route(deps, async (req) => ({
      champs: await listChamps(deps.ctx, req.params.id, await actorOf(deps, req)),
    })),
  );

  server.post(
    '/api/v1/groups/:id/champs',
    route(deps, async (req, res) => {
      const body = parseBody(req, champBody);
      const actor = await actorOf(deps, req);
      const champ =
        'personId' in body
          ? body
          : {
              phone: body.phone,
              region: await phoneRegionFor(deps.ctx, actor, {
                chosen: body.region,
                deploymentDefault: deps.defaultRegion,
              }),
            };
      const result = await assignChamp(deps.ctx, { groupId: req.params.id, champ }, actor);
      res.status(result.changed ? 201 : 200);
      return result;
    }),
  );

  server.del(
    '/api/v1/groups/:id/champs/:personId',
    route(deps, async (req) =>
      unassignChamp(
        deps.ctx,
        { groupId: req.params.id, personId: req.params.personId },
        await actorOf(deps, req),
      ),
    ),
  );
}
