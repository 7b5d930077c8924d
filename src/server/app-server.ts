import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { GroupPhotoContext } from '../domain/group-photos/set-group-photo';
import type { RolloutContext } from '../domain/rollout/rollout.ports';
import { redactPath } from '../infra/logging/redact';
import type { ApiDeps } from './api-deps';
import { canonicalizePath } from './http/canonical-path';
import { isTrustedProxy, resolveClientAddress } from './http/client-address';
import { localModeGuard } from './http/local-mode-guard';
import { publicRateLimit } from './http/public-rate-limit';
import { readRequestBodies } from './http/request-bodies';
import { restify } from './http/restify';
import { applyServerLimits } from './http/server-limits';
import { errorLocaleOf, HttpProblem, toHttpError } from './http-errors';
import { registerAccountCreationRoutes } from './routes/account-creation.routes';
import { registerAnnouncementRoutes } from './routes/announcements.routes';
import { registerBotRoutes } from './routes/bot.routes';
import { registerCardInviteRoutes } from './routes/card-invites.routes';
import { registerGroupPhotoRoutes } from './routes/group-photos.routes';
import { registerGroupRoutes } from './routes/groups.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerInviteRoutes } from './routes/invites.routes';
import { type JoinRouteServices, registerJoinRoutes } from './routes/join.routes';
import { registerJoinRequestRoutes } from './routes/join-requests.routes';
import { registerOrgAdminRoutes } from './routes/org-admins.routes';
import { registerOrganisationLanguageRoutes } from './routes/organisation-language.routes';
import { registerPeopleWithoutAccountRoutes } from './routes/people-without-account.routes';
import { registerPortalRoutes } from './routes/portal.routes';
import { registerRolloutRoutes } from './routes/rollout.routes';
import { registerSlipRoutes } from './routes/slips.routes';
import { registerTabRoutes } from './routes/tab.routes';
import { registerTemplateRoutes } from './routes/templates.routes';
import { registerUploadRoutes, type UploadRouteServices } from './routes/uploads.routes';
import { registerUserRoutes } from './routes/users.routes';

export interface AppServerDeps extends ApiDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  tabDir: string;
  /** Posters, guides, templates and custom files for the Resources page and the lobby slideshow. */
  rollout: RolloutContext;
  /** Bulk uploads (file storage, limits, the job worker); without it the upload API is not served. */
  uploads?: UploadRouteServices;
  /** Runs Look up again (People without an account); told when there is new work. */
  lookups: { nudge(): void };
  /** The HTTP doors' settings: where the server listens and the public pages' per-address budget. */
  http: {
    listenHost: string;
    configuredBaseUrl: string | undefined;
    publicRequestsPerMinute: number;
    trustProxy: readonly string[];
  };
  /** The join page and its sign-in. */
  join: JoinRouteServices;
  /** Groups' photos: the domain context with the picture reader. */
  groupPhotos: GroupPhotoContext;
}

/** Errors raised by restify itself (unknown route, wrong method) get the same body shape as ours. */
const restifyCodes: Record<string, string> = {
  BadRequest: 'BAD_REQUEST',
  ResourceNotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
};

export function createAppServer(deps: AppServerDeps): Server {
  const server = restify.createServer({ name: 'convene', handleUncaughtExceptions: false });
  applyServerLimits(server.server, isTrustedProxy(deps.http.trustProxy));
  // Before routing, in this order: one spelling of the path (what the router will match), who may knock
  // (local mode), how often (public pages), what they may send.
  server.pre(canonicalizePath());
  if (deps.mode === 'local') {
    server.pre(
      localModeGuard({ listenHost: deps.http.listenHost, publicBaseUrl: deps.http.configuredBaseUrl }),
    );
  }
  server.pre(resolveClientAddress(deps.http.trustProxy));
  server.pre(publicRateLimit({ requestsPerMinute: deps.http.publicRequestsPerMinute }));
  server.pre(readRequestBodies());
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.on('restifyError', (req, _res, err, callback) => {
    const code = restifyCodes[String(err.restCode ?? err.name).replace(/Error$/, '')] ?? 'HTTP_ERROR';
    const problem = new HttpProblem(err.statusCode ?? 500, code, String(err.message));
    const { body } = toHttpError(problem, errorLocaleOf(req));
    err.toJSON = () => body;
    return callback();
  });

  server.on('after', (req, res) => {
    deps.logger.info({ method: req.method, url: redactPath(req.url), status: res.statusCode }, 'request');
  });

  registerHealthRoutes(server, deps);
  registerBotRoutes(server, deps, deps.adapter, deps.bot);
  registerGroupRoutes(server, deps);
  registerGroupPhotoRoutes(server, deps, deps.groupPhotos);
  registerOrgAdminRoutes(server, deps);
  registerOrganisationLanguageRoutes(server, deps);
  registerPeopleWithoutAccountRoutes(server, deps, deps.lookups);
  registerUserRoutes(server, deps);
  registerAccountCreationRoutes(server, deps);
  registerInviteRoutes(server, deps);
  registerJoinRequestRoutes(server, deps);
  registerCardInviteRoutes(server, deps);
  registerAnnouncementRoutes(server, deps);
  registerPortalRoutes(server, deps);
  registerTemplateRoutes(server, deps);
  if (deps.uploads) registerUploadRoutes(server, deps, deps.uploads);
  registerRolloutRoutes(server, deps, deps.rollout);
  registerSlipRoutes(server, deps, deps.rollout);
  registerJoinRoutes(server, deps, deps.join);
  registerTabRoutes(server, deps.tabDir);
  return server;
}
