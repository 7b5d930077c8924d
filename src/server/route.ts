import { once } from 'node:events';
import type { Request, Response } from 'restify';
import type { z } from 'zod';
import { organisationNameFor } from '../domain/organisations/ensure-organisation';
import { recordOrgAdminClaims } from '../domain/organisations/record-org-admin-claims';
import { identifyTeamsUser } from '../domain/people/identify-teams-user';
import { yieldToEventLoop } from '../domain/shared/yield-to-event-loop';
import { redactPath } from '../infra/logging/redact';
import type { Actor, ApiDeps } from './api-deps';
import { errorLocaleOf, HttpProblem, toHttpError } from './http-errors';

type Handler = (req: Request, res: Response) => Promise<unknown>;

/**
 * Wraps a route: runs it, sends its result as JSON (204 when it returns nothing) and turns any
 * thrown error into the shared error body. Handlers stay thin: parse, call one use case, answer.
 * Each starts in its own turn of the event loop, in line with other yielding work (yield-to-event-loop.ts).
 */
export function route(deps: Pick<ApiDeps, 'logger'>, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await yieldToEventLoop();
      const result = await handler(req, res);
      if (res.headersSent) return;
      if (result === undefined) res.send(204);
      else res.send(res.statusCode >= 200 && res.statusCode < 300 ? res.statusCode : 200, result);
    } catch (error) {
      const { status, body, unexpected } = toHttpError(error, errorLocaleOf(req));
      if (unexpected)
        deps.logger.error({ err: error, url: redactPath(req.url), method: req.method }, 'request failed');
      if (res.headersSent) return;
      if (error instanceof HttpProblem)
        for (const [name, value] of Object.entries(error.headers)) res.header(name, value);
      res.send(status, body);
    }
  };
}

/**
 * The calling person, proven by the configured authenticator. A verified Entra token also says
 * whether they run their organisation; that is brought up to date on every request.
 */
export async function actorOf(deps: ApiDeps, req: Request): Promise<Actor> {
  const identity = await deps.authenticator.authenticate(req);
  const actor = await identifyTeamsUser(deps.ctx, identity);
  if (identity.orgAdminClaims) {
    const { tenantId, userPrincipalName } = identity;
    await recordOrgAdminClaims(
      deps.ctx,
      {
        claims: identity.orgAdminClaims,
        organisation: {
          tenantId,
          displayName: organisationNameFor(tenantId, userPrincipalName ?? null),
          defaultRegion: deps.defaultRegion,
        },
      },
      actor,
    );
  }
  return actor;
}

/** The JSON body checked against `schema`, or a coded 400 naming each field that is wrong. */
export function parseBody<T>(req: Request, schema: z.ZodType<T>): T {
  const body: unknown = req.body === undefined || req.body === '' ? {} : req.body;
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    problem: issue.message,
  }));
  const problems = fields.map((f) => `${f.field} ${f.problem}`).join('; ');
  throw new HttpProblem(400, 'BODY_INVALID', `The request body is not right: ${problems}.`, {
    fields,
    problems,
  });
}

/** The query string checked against `schema`, or a coded 400 naming what is wrong. */
export function parseQuery<T>(req: Request, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(req.query ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
  throw new HttpProblem(400, 'QUERY_INVALID', `The query is not right: ${problems}.`, { problems });
}

/** One query-string parameter when it was given once as text (a repeated parameter arrives as a list: ignored). */
export function queryText(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** A Content-Disposition that keeps non-ASCII file names (RFC 6266) and cannot be broken by quotes. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Streams CSV lines as a download, waiting whenever the socket's buffer is full, so a slow reader of a
 * long export holds a few lines in memory rather than the whole file.
 */
export async function sendCsv(
  res: Response,
  fileName: string,
  lines: AsyncIterable<string> | Iterable<string>,
) {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachment(fileName),
  });
  for await (const line of lines) {
    if (!res.write(line)) await once(res, 'drain');
  }
  res.end();
}
