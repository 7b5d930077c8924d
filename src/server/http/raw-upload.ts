import type { Request, Response } from 'restify';
import { HttpProblem } from '../http-errors';

/**
 * Reads an upload's raw body (the body reader streams such routes, see `body-rules.ts`), stopping as soon
 * as it passes the limit so an oversized file is refused without being held in memory. `tooLarge` is
 * the refusal the route's domain speaks.
 */
export async function readRawUpload(
  req: Request,
  res: Response,
  limit: number,
  tooLarge: (limit: number) => Error,
): Promise<Uint8Array> {
  if (req.contentType() !== 'application/octet-stream') {
    throw new HttpProblem(
      415,
      'UPLOAD_CONTENT_TYPE',
      'Send the file itself as the request body with Content-Type: application/octet-stream.',
      { contentType: req.contentType() },
    );
  }
  const refuse = () => {
    // The rest of the body is not wanted: close the connection after answering instead of reading it.
    res.setHeader('Connection', 'close');
    req.resume();
    return tooLarge(limit);
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) throw refuse();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw refuse();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
