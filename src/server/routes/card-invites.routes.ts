import type { Server } from 'restify';
import { listCardInvites } from '../../domain/invites/list-card-invites';
import { resendCardInvite } from '../../domain/invites/resend-card-invite';
import type { ApiDeps } from '../api-deps';
import { actorOf, route } from '../route';

/** Invite cards in the tab: where each stands, and Resend for champs and admins. */
export function registerCardInviteRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/groups/:id/card-invites',
    route(deps, async (req) => listCardInvites(deps.ctx, req.params.id, await actorOf(deps, req))),
  );

  server.post(
    '/api/v1/groups/:id/card-invites/:inviteId/resend',
    route(deps, async (req, res) => {
      const result = await resendCardInvite(
        deps.ctx,
        { groupId: req.params.id, inviteId: req.params.inviteId },
        await actorOf(deps, req),
      );
      res.status(202);
      return result;
    }),
  );
}
