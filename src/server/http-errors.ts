import { DomainError } from '../domain/shared/domain-error';

/** The one error body every API answer uses: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'rate-limited': 429,
  'too-large': 413,
};

/** The HTTP status a refusal of this kind answers with (the bot's card errors use the same). */
export const httpStatusOf = (error: DomainError): number => statusByKind[error.kind];

/** An error raised by the transport itself (bad request shape, unknown route), with a stable code. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Headers the answer must carry, such as `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Turns anything thrown into a status and a body; unexpected errors never leak their internals. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof DomainError) {
    return {
      status: statusByKind[error.kind],
      body: { error: { code: error.code, message: error.message, details: error.details } },
      unexpected: false,
    };
  }
  if (error instanceof HttpProblem) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, details: error.details } },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: {
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again.', details: {} },
    },
    unexpected: true,
  };
}
