import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { RolloutContext } from '../domain/rollout/rollout.ports';
import type { ApiDeps } from './api-deps';
import { registerBotRoutes } from './routes/bot.routes';
import { registerCardInviteRoutes } from './routes/card-invites.routes';
import { registerGroupRoutes } from './routes/groups.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerInviteRoutes } from './routes/invites.routes';
import { type JoinRouteServices, registerJoinRoutes } from './routes/join.routes';
import { registerJoinRequestRoutes } from './routes/join-requests.routes';
import { registerPortalRoutes } from './routes/portal.routes';
import { registerRolloutRoutes } from './routes/rollout.routes';
import { registerTabRoutes } from './routes/tab.routes';
import { registerTemplateRoutes } from './routes/templates.routes';
import { registerUploadRoutes, type UploadRouteServices } from './routes/uploads.routes';

export interface AppServerDeps extends ApiDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  tabDir: string;
  /** Posters, guides, templates and custom files for the Resources page and the lobby slideshow. */
  rollout: RolloutContext;
  /** Bulk uploads (file storage, limits, the job worker); without it the upload API is not served. */
  uploads?: UploadRouteServices;
  /** The join page and its sign-in. */
  join: JoinRouteServices;
}

const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Errors raised by restify itself (bad JSON, unknown route) get the same body shape as ours. */
const restifyCodes: Record<string, string> = {
  InvalidContent: 'MALFORMED_JSON',
  BadRequest: 'BAD_REQUEST',
  ResourceNotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  PayloadTooLarge: 'BODY_TOO_LARGE',
  RequestEntityTooLarge: 'BODY_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
};

export function createAppServer(deps: AppServerDeps): Server {
  const server = restify.createServer({ name: 'convene', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_JSON_BODY_BYTES }));

  server.on('restifyError', (_req, _res, err, callback) => {
    const code = restifyCodes[String(err.restCode ?? err.name).replace(/Error$/, '')] ?? 'HTTP_ERROR';
    const message =
      code === 'MALFORMED_JSON'
        ? `The request body is not valid JSON (${String(err.message).replace(/^Invalid JSON: /, '')}).`
        : String(err.message);
    err.toJSON = () => ({ error: { code, message, details: {} } });
    return callback();
  });

  server.on('after', (req, res) => {
    deps.logger.info({ method: req.method, url: req.url?.split('?')[0], status: res.statusCode }, 'request');
  });

  registerHealthRoutes(server, deps);
  registerBotRoutes(server, deps, deps.adapter, deps.bot);
  registerGroupRoutes(server, deps);
  registerInviteRoutes(server, deps);
  registerJoinRequestRoutes(server, deps);
  registerCardInviteRoutes(server, deps);
  registerPortalRoutes(server, deps);
  registerTemplateRoutes(server, deps);
  if (deps.uploads) registerUploadRoutes(server, deps, deps.uploads);
  registerRolloutRoutes(server, deps, deps.rollout);
  registerJoinRoutes(server, deps, deps.join);
  registerTabRoutes(server, deps.tabDir);
  return server;
}
