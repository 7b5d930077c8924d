import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { RolloutContext } from '../../domain/rollout/rollout.ports';
import { groupSlips } from '../../domain/slips/group-slips';
import { selectedSlips } from '../../domain/slips/selected-slips';
import { slipsByTicket } from '../../domain/slips/slip-download-link';
import type { ApiDeps } from '../api-deps';
import { sendFile } from '../http/send-file';
import { HttpProblem } from '../http-errors';
import { actorOf, parseBody, route } from '../route';

/** A selection is refused past 500 by the use case, in words; the schema only bounds what is read. */
const selectionBody = z.object({
  personIds: z.array(z.string().min(1).max(64)).max(5000),
});

/** Slips name people: never kept by a browser or a proxy, and no address leaks to a linked page. */
const slipHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

function partOf(req: Request): number | undefined {
  const raw = (req.query as Record<string, unknown> | undefined)?.part;
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && /^[1-9]\d{0,3}$/.test(raw)) return Number(raw);
  throw new HttpProblem(400, 'QUERY_INVALID', 'The query is not right: part must be a whole number from 1.', {
    problems: 'part must be a whole number from 1',
  });
}

/** `?lang=hi`: the slips' language (checked by the use case); the organisation's when absent. */
const langOf = (req: Request): string | undefined => {
  const value = (req.query as Record<string, unknown> | undefined)?.lang;
  return typeof value === 'string' ? value : undefined;
};

/** Onboarding slips: a group's (the portal's group page), chosen people's (People without an account), the bot's link. */
export function registerSlipRoutes(server: Server, deps: ApiDeps, rollout: RolloutContext): void {
  // A GET although it may issue the group's standing link the first time: that link is the group's one
  // link for printed material, issued once and then shown again, so repeating the request changes nothing.
  server.get(
    '/api/v1/groups/:id/slips.pdf',
    route(deps, async (req, res) => {
      const file = await groupSlips(
        rollout,
        { groupId: req.params.id, part: partOf(req), lang: langOf(req) },
        await actorOf(deps, req),
      );
      sendFile(res, file, { ...slipHeaders, 'X-Convene-Slip-Parts': String(file.parts) });
    }),
  );

  server.post(
    '/api/v1/portal/slips.pdf',
    route(deps, async (req, res) => {
      const { personIds } = parseBody(req, selectionBody);
      sendFile(
        res,
        await selectedSlips(rollout, { personIds, lang: langOf(req) }, await actorOf(deps, req)),
        slipHeaders,
      );
    }),
  );

  // Public: the bot's slips card opens this in a browser without a Teams sign-in; the signed, short-lived
  // ticket names the person, who is checked again before anything is printed.
  server.get(
    '/rollout/slips',
    route(deps, async (req, res) => {
      const ticket = (req.query as Record<string, unknown> | undefined)?.ticket;
      sendFile(
        res,
        await slipsByTicket(rollout, { ticket: typeof ticket === 'string' ? ticket : '' }),
        slipHeaders,
      );
    }),
  );
}
