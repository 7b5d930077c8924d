import type { Request, Response } from 'restify';
import type { GroupPhoto } from '../../domain/group-photos/group-photo';

/**
 * Sends a group photo as a picture and nothing else: its own type with `nosniff`, a sandbox should it be
 * opened on its own, and a strong ETag so browsers revalidate cheaply (304) instead of downloading it
 * again. Never kept by shared caches: who may see a group is decided per request.
 */
export function sendPhoto(req: Request, res: Response, photo: GroupPhoto): void {
  const etag = `"${photo.etag}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const wanted = req.headers['if-none-match'];
  if (wanted?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': photo.contentType,
    'Content-Length': String(photo.bytes.byteLength),
    'Content-Disposition': 'inline; filename="group-photo.jpg"',
  });
  res.end(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
}
