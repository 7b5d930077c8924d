import type { Server } from 'restify';
import { z } from 'zod';
import { accountCreationReport } from '../../domain/accounts/account-creation-report';
import {
  type AccountSelection,
  dryRunAccountCreation,
  startAccountCreation,
} from '../../domain/accounts/create-accounts';
import {
  checkAccountCreationSettings,
  getAccountCreationSettings,
  saveAccountCreationSettings,
} from '../../domain/accounts/manage-account-creation-settings';
import { MAX_PEOPLE_PER_RUN } from '../../domain/accounts/plan-accounts';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, route } from '../route';

const BASE = '/api/v1/portal/account-creation';

const settingsBody = z.object({
  enabled: z.boolean(),
  upnPattern: z.string().max(60),
  domain: z.string().max(253),
  licenceGroupId: z.string().max(64).nullable(),
  usageLocationFallback: z.string().max(8),
});

/** A bounded selection of people, or everyone of the organisation's groups without an account. */
const selectionBody = z.union([
  z.object({ personIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_PEOPLE_PER_RUN) }),
  z.object({ all: z.literal(true) }),
]);

/** Creating accounts for people known only by phone: org admins only (everyone else gets a 403). */
export function registerAccountCreationRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    `${BASE}/settings`,
    route(deps, async (req) => getAccountCreationSettings(deps.ctx, await actorOf(deps, req))),
  );

  server.put(
    `${BASE}/settings`,
    route(deps, async (req) => {
      const body = parseBody(req, settingsBody);
      return saveAccountCreationSettings(deps.ctx, deps.accountCreator, body, await actorOf(deps, req));
    }),
  );

  server.post(
    `${BASE}/check`,
    route(deps, async (req) =>
      checkAccountCreationSettings(deps.ctx, deps.accountCreator, await actorOf(deps, req)),
    ),
  );

  server.post(
    `${BASE}/dry-run`,
    route(deps, async (req) => {
      const selection: AccountSelection = parseBody(req, selectionBody);
      return dryRunAccountCreation(deps.ctx, deps.accountCreator, selection, await actorOf(deps, req));
    }),
  );

  server.post(
    `${BASE}/jobs`,
    route(deps, async (req, res) => {
      const selection: AccountSelection = parseBody(req, selectionBody);
      const started = await startAccountCreation(deps.ctx, selection, await actorOf(deps, req));
      deps.startedAccountCreation();
      res.status(202);
      return started;
    }),
  );

  server.get(
    `${BASE}/jobs/:jobId`,
    route(deps, async (req) => accountCreationReport(deps.ctx, req.params.jobId, await actorOf(deps, req))),
  );
}
