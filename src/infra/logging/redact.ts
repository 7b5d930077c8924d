/**
 * Invite tokens are credentials: whoever holds one joins the group. Paths and URLs are logged through
 * these functions only, which drop query strings and fragments (`?invite=…`) and hide the token in
 * `/join/<token>…`.
 */
const joinToken = /\/join\/[^/?#\s"'<>]+/g;
/** Any path segment shaped like a token (22 URL-safe characters), wherever it sits (`/join/x/../<token>`). */
const tokenSegment = /(?<=\/)[A-Za-z0-9_-]{22}(?=[/?#\s"'<>]|$)/g;

/** A request path fit for a log line: no query string, no invite token. */
export function redactPath(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url.split(/[?#]/, 1)[0].replace(joinToken, '/join/[redacted]').replace(tokenSegment, '[redacted]');
}

/** Free text (error messages, stacks) with every URL or path in it redacted as `redactPath` does. */
export function redactText(text: string): string {
  return text
    .replace(/((?:https?:\/\/[^\s"'<>/?#]+)?\/[^\s"'<>?#]*)[?#][^\s"'<>]*/g, '$1')
    .replace(joinToken, '/join/[redacted]')
    .replace(tokenSegment, '[redacted]');
}
