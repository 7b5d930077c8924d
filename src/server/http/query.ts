import type { Request } from 'restify';
import type { z } from 'zod';
import { HttpProblem } from '../http-errors';

/** The request's query string read by a schema, or a coded 400 that says which parameter is wrong. */
export function query<T>(req: Request, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(req.query ?? {});
  if (parsed.success) return parsed.data;
  throw new HttpProblem(
    400,
    'QUERY_INVALID',
    `The query is not right: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`,
  );
}
