import type { Response } from 'restify';

/** Adds a `Set-Cookie` line beside those already set on the answer (the sign-in's and the language's). */
export function appendCookie(res: Response, cookie: string): void {
  const previous = res.getHeader('Set-Cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  res.setHeader('Set-Cookie', [...list, cookie]);
}
