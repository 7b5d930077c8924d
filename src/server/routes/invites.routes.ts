import type { Server } from 'restify';
import { z } from 'zod';
import { createInviteLink, resetInviteLink } from '../../domain/invites/create-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken, inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { redeemInviteLink } from '../../domain/invites/redeem-invite-link';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, route } from '../route';

const settingsBody = z.object({
  expiresInDays: z.number().int().optional(),
  maxUses: z.number().int().nullable().optional(),
  organisationAccountsOnly: z.boolean().optional(),
  approvalRequired: z.boolean().optional(),
  /** Revoke the group's earlier links first. */
  reset: z.boolean().optional(),
});

const redeemBody = z.object({ token: z.string() });

export function registerInviteRoutes(server: Server, deps: ApiDeps): void {
  server.post(
    '/api/v1/groups/:id/invite-links',
    route(deps, async (req, res) => {
      const { reset, ...settings } = parseBody(req, settingsBody);
      const issue = reset ? resetInviteLink : createInviteLink;
      const issued = await issue(deps.ctx, { groupId: req.params.id, ...settings }, await actorOf(deps, req));
      res.status(201);
      return {
        url: inviteUrlOf(deps.publicBaseUrl(), issued.token),
        expiresAt: issued.link.expiresAt,
        maxUses: issued.link.maxUses,
        organisationAccountsOnly: issued.link.organisationAccountsOnly,
        approvalRequired: issued.link.approvalRequired,
      };
    }),
  );

  // Joining is always a POST: link scanners that prefetch a GET must never use up an invite.
  server.post(
    '/api/v1/invites/redeem',
    route(deps, async (req) => {
      const { token: text } = parseBody(req, redeemBody);
      const token = extractInviteToken(text);
      if (!token) throw new InviteNotFound();
      const result = await redeemInviteLink(deps.ctx, { token }, await actorOf(deps, req));
      return { outcome: result.outcome, group: result.group };
    }),
  );
}
