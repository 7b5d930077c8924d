import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

/** Compressed pages kept, counting each page's text and its gzip bytes. */
const COMPRESSED_PAGES_BYTES = 8 * 1024 * 1024;

/**
 * Join pages as gzip, each distinct page compressed once: phones on slow networks download a fifth of the
 * page (about 5 KB instead of 19), and the thousands who open one poster's link share one compression.
 * Keyed by the page's text, so any page that comes out the same (a kept page, a dead link's page) hits.
 */
const compressed = new LRUCache<string, Buffer>({
  maxSize: COMPRESSED_PAGES_BYTES,
  sizeCalculation: (gzip, html) => gzip.length + html.length,
});

/** Whether `Accept-Encoding` takes gzip (q-values honoured by negotiator; the header cut to 512 characters). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header.slice(0, 512) } });
  return negotiator.encoding(['gzip', 'identity']) === 'gzip';
}

/** The page as gzip, compressed on first use. */
export function gzipPage(html: string): Buffer {
  let gzip = compressed.get(html);
  if (!gzip) {
    gzip = gzipSync(html);
    compressed.set(html, gzip);
  }
  return gzip;
}
