import type { Next, Request, Response } from 'restify';

/** `%XX` escapes of the characters RFC 3986 calls unreserved: letters, digits, `-`, `.`, `_`, `~`. */
const escapedUnreserved = /%(4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3[0-9]|2d|2e|5f|7e)/gi;

/** A path with its needless escapes decoded (`/%61pi` → `/api`): the same address, in one spelling. */
export function canonicalPath(path: string): string {
  return path.replace(escapedUnreserved, (escaped) =>
    String.fromCharCode(Number.parseInt(escaped.slice(1), 16)),
  );
}

/**
 * Rewrites the request's path to its canonical spelling before anything looks at it. The router decodes
 * escapes when it matches (`/%61pi/v1/groups` reaches the API), so every door in front of it (the local
 * mode origin check, the public pages' budget, the body rules, the log's token redaction) must read the
 * same spelling, or an escaped letter walks round it. The query string is left as it came.
 */
export function canonicalizePath() {
  return (req: Request, _res: Response, next: Next) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.includes('%')) req.url = canonicalPath(path) + (queryAt === -1 ? '' : url.slice(queryAt));
    return next();
  };
}
