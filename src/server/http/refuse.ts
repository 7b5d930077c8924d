import type { Request, Response } from 'restify';
import { type HttpProblem, toHttpError } from '../http-errors';

/**
 * Answers a request with a coded error before any route runs. With `close`, the rest of the body is not
 * read: the answer says `Connection: close` and the socket is destroyed once it has been sent, so an
 * oversized or unwanted upload cannot keep the connection (or the reader) busy.
 */
export function refuse(req: Request, res: Response, problem: HttpProblem, options: { close?: boolean } = {}): void {
  const { status, body } = toHttpError(problem);
  if (res.headersSent) return;
  if (options.close) {
    res.setHeader('Connection', 'close');
    // A short grace lets the client read the answer before the socket goes; the body is never read.
    res.once('finish', () => setTimeout(() => req.socket.destroy(), 50).unref());
  }
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.send(status, body);
}
