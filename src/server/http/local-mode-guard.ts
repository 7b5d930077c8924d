import type { Next, Request, Response } from 'restify';
import { HttpProblem } from '../http-errors';
import { refuse } from './refuse';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** `none` is a typed address or a bookmark; `same-origin` is the tab itself. */
const trustedFetchSites = new Set(['same-origin', 'none']);

export interface LocalModeGuardOptions {
  /** The HOST setting the server listens on (a wildcard such as 0.0.0.0 names no host). */
  listenHost: string;
  /** PUBLIC_BASE_URL, when a tunnel or a name on the network reaches this machine. */
  publicBaseUrl: string | undefined;
}

/**
 * Local mode signs every caller in as the developer, an org admin, so the browser is the only fence:
 * the `Host` must be one this server answers to (a DNS-rebinding page sends its own name), and
 * state-changing API calls must come from the same origin (`Origin`, `Sec-Fetch-Site`). Callers that
 * are not browsers (the CLI, the Agents Playground's server posting to `/api/messages`) send neither
 * header and are let through; a browser always sends `Origin` on a cross-site POST.
 */
export function localModeGuard(options: LocalModeGuardOptions) {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (!['0.0.0.0', '::', '[::]'].includes(options.listenHost)) {
    names.add(
      options.listenHost.includes(':') ? `[${options.listenHost}]` : options.listenHost.toLowerCase(),
    );
  }
  const publicUrl = options.publicBaseUrl ? new URL(options.publicBaseUrl) : undefined;
  const publicHost = publicUrl?.host.toLowerCase();
  const allowedHosts = (port: number) => {
    const hosts = new Set([...names].map((name) => `${name}:${port}`));
    if (port === 80) for (const name of names) hosts.add(name);
    if (publicHost) hosts.add(publicHost);
    return hosts;
  };

  return (req: Request, res: Response, next: Next) => {
    const hosts = allowedHosts(req.socket.localPort ?? 0);
    const host = String(req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) {
      refuse(
        req,
        res,
        new HttpProblem(
          421,
          'HOST_NOT_ALLOWED',
          `This local Convene answers only to ${[...hosts].join(', ')}; the request named ${host || 'no host'}.`,
          { host: host || null },
        ),
        { close: true },
      );
      return next(false);
    }
    if (stateChanging.has(req.method ?? '') && req.getPath().startsWith('/api/')) {
      const origin = req.headers.origin?.toLowerCase();
      const site = req.headers['sec-fetch-site'];
      const originAllowed =
        origin === undefined ||
        [...hosts].some((h) => origin === `http://${h}`) ||
        origin === publicUrl?.origin.toLowerCase();
      const siteAllowed = site === undefined || trustedFetchSites.has(String(site));
      if (!originAllowed || !siteAllowed) {
        refuse(
          req,
          res,
          new HttpProblem(
            403,
            'CROSS_SITE_REQUEST',
            'Local Convene accepts changes only from its own pages: this request came from another site.',
            { origin: req.headers.origin ?? null, secFetchSite: site ?? null },
          ),
          { close: true },
        );
        return next(false);
      }
    }
    return next();
  };
}
