import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PosterFormat, PosterSpec, RolloutRenderer } from '../../domain/rollout/rollout.ports';

/** Rendered posters kept in memory: about 300 PNGs or many more PDFs. */
export const POSTER_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Posters rendered once per exact content and format (about 130 ms of CPU each), kept in a cache bounded
 * by bytes. The key is a hash of everything the poster says, the invite URL (and so its token) among
 * them: a reset link has a new token and so a new poster, and the old token is refused by the link
 * check that runs before any poster is asked for, so a cached poster of a dead link is never served.
 */
export function cachedPosterRenderer(inner: RolloutRenderer, maxBytes = POSTER_CACHE_BYTES): RolloutRenderer {
  const cache = new LRUCache<string, Promise<Uint8Array>>({
    maxSize: maxBytes,
    // A poster being rendered counts as 1 MB until its size is known.
    sizeCalculation: () => 1024 * 1024,
  });
  return {
    poster(spec: PosterSpec, format: PosterFormat): Promise<Uint8Array> {
      const key = createHash('sha256')
        .update(JSON.stringify([format, spec]))
        .digest('base64url');
      const cached = cache.get(key);
      if (cached) return cached;
      const rendering = inner.poster(spec, format);
      cache.set(key, rendering);
      rendering.then(
        (bytes) => {
          if (cache.peek(key) === rendering)
            cache.set(key, rendering, { size: Math.max(1, bytes.byteLength) });
        },
        () => cache.delete(key),
      );
      return rendering;
    },
    guidePdf: (guide) => inner.guidePdf(guide),
  };
}
