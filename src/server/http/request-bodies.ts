import getRawBody from 'raw-body';
import type { Next, Request, Response } from 'restify';
import { TooLarge } from '../../domain/shared/too-large';
import { HttpProblem } from '../http-errors';
import { type BodyRule, bodyRuleFor, MAX_JSON_DEPTH } from './body-rules';
import { jsonNestsDeeperThan } from './json-depth';
import { refuse } from './refuse';

/** A request body over its route's limit (`body-rules.ts`). */
class BodyTooLarge extends TooLarge {
  readonly code = 'BODY_TOO_LARGE';
  constructor(limitBytes: number) {
    super('The request body', limitBytes);
  }
}

const tooLarge = (limit: number) => new BodyTooLarge(limit);

/** Whether the request says it carries a body at all (a length above zero, or chunks). */
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Reads request bodies by route (see `bodyRuleFor`), replacing restify's global body parser: bounded
 * by decoded bytes, never written to disk, compressed bodies refused. `req.body` is the parsed JSON
 * (and, under `/join/`, the parsed form as a plain object); upload routes get the untouched stream.
 */
export function readRequestBodies() {
  return (req: Request, res: Response, next: Next) => {
    const rule = bodyRuleFor(req.method ?? 'GET', req.getPath());
    if (rule.kind === 'none' || !hasBody(req)) return next();
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      // Nothing that talks to Convene compresses its requests; inflating would invite a bomb.
      refuse(
        req,
        res,
        new HttpProblem(
          415,
          'UNSUPPORTED_CONTENT_ENCODING',
          `Send the request body uncompressed: Content-Encoding ${encoding} is not accepted.`,
          { contentEncoding: encoding },
        ),
        { close: true },
      );
      return next(false);
    }
    if (rule.kind === 'stream') return next();
    readParsed(req, res, rule).then(
      (ok) => next(ok ? undefined : false),
      (error) => next(error),
    );
  };
}

async function readParsed(
  req: Request,
  res: Response,
  rule: Extract<BodyRule, { kind: 'parsed' }>,
): Promise<boolean> {
  const mediaType = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  const isJson = mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
  const isForm = mediaType === 'application/x-www-form-urlencoded' && rule.formBytes !== undefined;
  if (!isJson && !isForm) {
    const accepted = rule.formBytes
      ? 'application/json or application/x-www-form-urlencoded'
      : 'application/json';
    refuse(
      req,
      res,
      new HttpProblem(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the request body as ${accepted}${mediaType ? `, not ${mediaType}` : ' with a Content-Type'}.`,
        { contentType: mediaType || null, accepted: accepted.split(' or ') },
      ),
      { close: true },
    );
    return false;
  }
  const limit = isJson ? rule.jsonBytes : (rule.formBytes as number);
  let text: string;
  try {
    text = await getRawBody(req, { length: req.headers['content-length'], limit, encoding: 'utf-8' });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') refuse(req, res, tooLarge(limit), { close: true });
    else if (type === 'request.aborted') req.socket.destroy();
    else
      refuse(req, res, new HttpProblem(400, 'BODY_UNREADABLE', 'The request body could not be read.'), {
        close: true,
      });
    return false;
  }
  if (isForm) {
    req.body = Object.fromEntries(new URLSearchParams(text));
    return true;
  }
  if (text.trim() === '') return true;
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    refuse(
      req,
      res,
      new HttpProblem(400, 'JSON_TOO_DEEP', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
        maxDepth: MAX_JSON_DEPTH,
      }),
    );
    return false;
  }
  try {
    req.body = JSON.parse(text);
  } catch (error) {
    refuse(
      req,
      res,
      new HttpProblem(
        400,
        'MALFORMED_JSON',
        `The request body is not valid JSON (${(error as Error).message}).`,
      ),
    );
    return false;
  }
  return true;
}
