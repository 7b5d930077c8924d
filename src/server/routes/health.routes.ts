import type { Server } from 'restify';
import type { ApiDeps } from '../api-deps';

/** Liveness says the process answers; readiness says it can reach its database. */
export function registerHealthRoutes(server: Server, deps: ApiDeps): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      await deps.ping();
      res.send(200, { status: 'ready' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'database not reachable');
      res.send(503, {
        error: { code: 'DATABASE_UNREACHABLE', message: 'The database cannot be reached.', details: {} },
      });
    }
  });
}
