import type { Request } from 'restify';
import { DomainError } from '../domain/shared/domain-error';
import { errorWords } from '../i18n/error-words';
import { DEFAULT_LOCALE, type Locale, localeFromAcceptLanguage } from '../i18n/locales';
import { translatorFor } from '../i18n/translator';

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

/** The language a request's error words are in: its `Accept-Language`, English without one. */
export const errorLocaleOf = (req: Pick<Request, 'headers'>): Locale =>
  localeFromAcceptLanguage(req.headers['accept-language']);

/**
 * Turns anything thrown into a status and a body; unexpected errors never leak their internals. The
 * `message` is in `locale` (from the catalogue, by code); `code` and `details` are the same in every
 * language, so programs read those and people read the message.
 */
export function toHttpError(
  error: unknown,
  locale: Locale = DEFAULT_LOCALE,
): { status: number; body: ErrorBody; unexpected: boolean } {
  const coded = error instanceof DomainError || error instanceof HttpProblem ? error : undefined;
  if (coded) {
    const message = errorWords(coded, translatorFor(locale));
    return {
      status: coded instanceof DomainError ? statusByKind[coded.kind] : coded.status,
      body: { error: { code: coded.code, message, details: coded.details } },
      unexpected: false,
    };
  }
  const internal = { code: 'INTERNAL', message: 'Something went wrong on our side. Try again.', details: {} };
  return {
    status: 500,
    body: { error: { ...internal, message: errorWords(internal, translatorFor(locale)) } },
    unexpected: true,
  };
}
