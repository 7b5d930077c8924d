import type { Response } from 'restify';
import type { DownloadableFile } from '../../domain/rollout/rollout.ports';
import { attachment } from '../route';

/**
 * Sends a file so that no browser runs or re-interprets it: always a download, the declared type only,
 * and a sandbox should it ever be opened in a frame.
 */
export function sendFile(
  res: Response,
  file: DownloadableFile,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(200, {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': attachment(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
    ...extraHeaders,
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
