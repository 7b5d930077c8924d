/** What a route takes as its request body, decided by method and path before routing. */
export type BodyRule =
  /** No body is read (GET, HEAD, OPTIONS). */
  | { kind: 'none' }
  /** The route reads the stream itself (uploads); only identity encoding gets through. */
  | { kind: 'stream' }
  /** The body is read here, bounded, and parsed into `req.body`: JSON, and forms where `formBytes` is set. */
  | { kind: 'parsed'; jsonBytes: number; formBytes?: number };

/** The API and the bot take JSON; 1 MB holds any activity, and 5,000 phone numbers ten times over. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** The join page's forms carry a token and a few choices. */
export const MAX_JOIN_FORM_BYTES = 8 * 1024;
/** Nesting beyond this is never a real activity or API body (activities nest about 6 deep). */
export const MAX_JSON_DEPTH = 64;

/**
 * The only routes whose bodies are streams: bulk upload (multipart, busboy streams the file to its
 * store), rollout resources, group photos and announcements' pictures (raw bytes). Every other route refuses multipart and octet-stream.
 */
const streamedRoutes = new Set([
  'POST /api/v1/uploads',
  'POST /api/v1/rollout/resources',
  'POST /api/v1/announcements/images',
]);
/** A group's photo (raw bytes), by the group's id. */
const streamedPattern = /^PUT \/api\/v1\/groups\/[^/]+\/photo$/;

const bodyless = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The body rule of a request: one table for the whole server, so no route is forgotten. */
export function bodyRuleFor(method: string, path: string): BodyRule {
  if (bodyless.has(method)) return { kind: 'none' };
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  if (streamedRoutes.has(route) || streamedPattern.test(route)) return { kind: 'stream' };
  // The public join page posts plain HTML forms (no script needed on a cheap phone).
  if (path.startsWith('/join/'))
    return { kind: 'parsed', jsonBytes: 16 * 1024, formBytes: MAX_JOIN_FORM_BYTES };
  return { kind: 'parsed', jsonBytes: MAX_JSON_BYTES };
}
