import { createHash } from 'node:crypto';
import type { PosterFormat, PosterSpec, RolloutRenderer } from '../../domain/rollout/rollout.ports';
import { RenderOnceCache } from './render-once-cache';

/** Rendered posters kept in memory: about 300 PNGs or many more PDFs. */
export const POSTER_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Posters rendered once per exact content and format (about 130 ms of CPU each). The key is a hash of
 * everything the poster says, the invite URL (and so its token) among them: a reset link has a new token
 * and so a new poster, and the old token is refused by the link check that runs before any poster is
 * asked for, so a cached poster of a dead link is never served.
 */
export function cachedPosterRenderer(inner: RolloutRenderer, maxBytes = POSTER_CACHE_BYTES): RolloutRenderer {
  const cache = new RenderOnceCache(maxBytes);
  return {
    poster(spec: PosterSpec, format: PosterFormat): Promise<Uint8Array> {
      const key = createHash('sha256')
        // The photo by its etag: the same bytes always have the same etag.
        .update(JSON.stringify([format, { ...spec, photo: spec.photo?.etag ?? null }]))
        .digest('base64url');
      return cache.get(key, () => inner.poster(spec, format)).bytes;
    },
    tableTentPdf: (spec) => inner.tableTentPdf(spec),
    guidePdf: (guide) => inner.guidePdf(guide),
    // Slips name people, and each sheet is printed once: never kept.
    slipsPdf: (sheet) => inner.slipsPdf(sheet),
  };
}
