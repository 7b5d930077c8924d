import type { Response } from 'restify';
import type { AnnouncementImage } from '../../domain/announcements/announcement-image';

/**
 * Sends an announcement's picture as a picture and nothing else: its own (re-encoded) type with
 * `nosniff`, a sandbox should it be opened on its own, no referrer. Anyone with the address may fetch
 * it (Teams' image proxy does, signed in as nobody), and it never changes, so caches may keep it.
 */
export function sendAnnouncementImage(res: Response, image: AnnouncementImage): void {
  res.writeHead(200, {
    'Content-Type': image.contentType,
    'Content-Length': String(image.bytes.byteLength),
    'Content-Disposition': `inline; filename="announcement.${image.contentType === 'image/png' ? 'png' : 'jpg'}"`,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength));
}
