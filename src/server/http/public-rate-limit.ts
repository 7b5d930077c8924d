import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Next, Request, Response } from 'restify';
import { HttpProblem } from '../http-errors';
import { sendJoinPage } from '../join/join-http';
import { refusedPage } from '../join/join-pages';
import { budgetKeyOf, clientAddressOf } from './client-address';
import { isPublicPath } from './public-paths';
import { paceRefusal } from './refusal-pace';
import { refuse } from './refuse';

/**
 * A per-address budget on the public pages, applied by path prefix before routing so that every public
 * route (including ones added later under these prefixes) is covered. The budget lives in this
 * process's memory; several instances would share it through `RateLimiterRedis` or
 * `RateLimiterPostgres` with the same options.
 */
export function publicRateLimit(options: { requestsPerMinute: number; refusalPaceMs?: number }) {
  const limiter = new RateLimiterMemory({
    keyPrefix: 'public',
    points: options.requestsPerMinute,
    duration: 60,
  });
  return (req: Request, res: Response, next: Next) => {
    if (!isPublicPath(req.getPath())) return next();
    limiter.consume(budgetKeyOf(clientAddressOf(req))).then(
      () => next(),
      async (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection as Error);
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        await paceRefusal(options.refusalPaceMs);
        // Gone while it waited: nobody to answer.
        if (req.socket.destroyed || res.headersSent) return next(false);
        if (wantsJoinPage(req)) {
          // Someone who scanned a poster in a crowded canteen reads words, not the API's error body.
          // In their language, chosen as every join page chooses it (nothing is remembered here).
          sendJoinPage(
            req,
            res,
            429,
            (frame) =>
              refusedPage(frame, {
                title: frame.t.t('join.rateLimited.title'),
                message: frame.t.t('join.rateLimited.text', { seconds }),
                code: 'RATE_LIMITED',
                backTo: null,
              }),
            { headers: { 'Retry-After': String(seconds) } },
          );
          return next(false);
        }
        refuse(
          req,
          res,
          new HttpProblem(
            429,
            'RATE_LIMITED',
            `Too many requests from your address: try again in ${seconds} seconds.`,
            { limitPerMinute: options.requestsPerMinute, retryAfterSeconds: seconds },
            { 'Retry-After': String(seconds) },
          ),
        );
        return next(false);
      },
    );
  };
}

/** A browser opening a join page (not a chat app's preview fetch or a script asking for JSON). */
function wantsJoinPage(req: Request): boolean {
  const accept = String(req.headers.accept ?? '');
  return req.getPath().startsWith('/join/') && accept.includes('text/html');
}
