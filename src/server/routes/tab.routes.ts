import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { restify } from '../http/restify';

/** Serves the built management portal under /tab. */
export function registerTabRoutes(server: Server, tabDir: string): void {
  server.get('/tab', (_req, res, next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get(
    '/tab/*',
    (_req, res, next) => {
      if (existsSync(path.join(tabDir, 'index.html'))) return next();
      res.send(503, {
        error: {
          code: 'TAB_NOT_BUILT',
          message: 'The management portal has not been built. Run "npm run build" first.',
          details: {},
        },
      });
      return next(false);
    },
    restify.plugins.serveStaticFiles(tabDir, { maxAge: 0 }),
  );
}
