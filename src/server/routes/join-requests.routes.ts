import { createHash } from 'node:crypto';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken } from '../../domain/invites/invite-link';
import { decideJoinRequests, type JoinDecision } from '../../domain/join-requests/decide-join-requests';
import { listJoinRequests } from '../../domain/join-requests/list-join-requests';
import { requestToJoin } from '../../domain/join-requests/request-to-join';
import type { ApiDeps } from '../api-deps';
import { budgetKeyOf, clientAddressOf } from '../http/client-address';
import { actorOf, parseBody, route } from '../route';

const askBody = z.object({
  token: z.string(),
  name: z.string().max(200),
  phone: z.string().max(40),
  region: z.string().max(8).optional(),
});

const decideBody = z.object({ requestIds: z.array(z.string()).min(1).max(1000).optional() });

/**
 * The sender's address as an opaque key for the domain's per-requester limit: hashed, so join
 * requests never store an address.
 */
export const requesterKeyOf = (req: Request): string =>
  createHash('sha256')
    .update(budgetKeyOf(clientAddressOf(req)))
    .digest('base64url')
    .slice(0, 22);

/**
 * What an anonymous asker is told: never the request's id. Asking again returns the same request, and its
 * time-ordered id would tell anyone holding the link whether, and when, a given number asked.
 */
export const anonymousAnswer = (asked: { groupName: string; status: 'pending' }) => ({
  groupName: asked.groupName,
  status: asked.status,
});

/** Join requests: anyone with a link may ask (no sign-in); the group's admins list and decide. */
export function registerJoinRequestRoutes(server: Server, deps: ApiDeps): void {
  server.post(
    '/api/v1/invites/join-requests',
    route(deps, async (req, res) => {
      const body = parseBody(req, askBody);
      const token = extractInviteToken(body.token);
      if (!token) throw new InviteNotFound();
      const answer = await requestToJoin(deps.ctx, {
        token,
        displayName: body.name,
        phone: body.phone,
        region: body.region,
        requesterKey: requesterKeyOf(req),
      });
      res.status(202);
      return anonymousAnswer(answer);
    }),
  );

  server.get(
    '/api/v1/groups/:id/join-requests',
    route(deps, async (req) => listJoinRequests(deps.ctx, req.params.id, await actorOf(deps, req))),
  );

  for (const decision of ['approve', 'decline'] as const satisfies readonly JoinDecision[]) {
    // Every pending request, or those listed in the body.
    server.post(
      `/api/v1/groups/:id/join-requests/${decision}`,
      route(deps, async (req) => {
        const { requestIds } = parseBody(req, decideBody);
        const results = await decideJoinRequests(
          deps.ctx,
          { groupId: req.params.id, decision, requestIds },
          await actorOf(deps, req),
        );
        return { results };
      }),
    );
    server.post(
      `/api/v1/groups/:id/join-requests/:requestId/${decision}`,
      route(deps, async (req) => {
        const [result] = await decideJoinRequests(
          deps.ctx,
          { groupId: req.params.id, decision, requestIds: [req.params.requestId] },
          await actorOf(deps, req),
        );
        return result;
      }),
    );
  }
}
