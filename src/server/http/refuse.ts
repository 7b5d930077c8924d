import type { Socket } from 'node:net';
import type { Request, Response } from 'restify';
import type { DomainError } from '../../domain/shared/domain-error';
import { errorLocaleOf, HttpProblem, toHttpError } from '../http-errors';

/** How long a refused upload's connection lingers after the answer before it is destroyed. */
export const LINGER_MS = 1000;

/**
 * Answers a request with a coded error before any route runs. With `close`, the rest of the body is not
 * wanted: the answer says `Connection: close` and the socket is destroyed shortly after it was sent.
 */
export function refuse(
  req: Request,
  res: Response,
  problem: HttpProblem | DomainError,
  options: { close?: boolean } = {},
): void {
  const { status, body } = toHttpError(problem, errorLocaleOf(req));
  if (res.headersSent) return;
  if (options.close) {
    res.setHeader('Connection', 'close');
    lingerThenDestroy(req);
  }
  if (problem instanceof HttpProblem) {
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  }
  res.send(status, body);
}

/**
 * Node destroys a `Connection: close` socket the moment the answer is written; while the client is still
 * sending, the kernel then answers with a reset that can wipe the answer before the client has read it.
 * Instead, as nginx's lingering close does: half-close after the answer, discard whatever still arrives
 * for `LINGER_MS`, then destroy. Nothing of the body is kept.
 */
function lingerThenDestroy(req: Request): void {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = () => {
    socket.end();
    req.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}
