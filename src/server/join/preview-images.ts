import { createHash } from 'node:crypto';
import { type JoinPreviewSpec, joinPreviewPng } from '../../infra/rollout/join-preview-png';
import { RenderOnceCache } from '../../infra/rollout/render-once-cache';

/** Link previews kept in memory: a 1200 × 630 preview is 50–100 KB, so several hundred links' worth. */
const PREVIEW_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Link-preview images, rendered once per link and content (a poster shared to thousands makes thousands
 * of chat apps fetch the same image at once: they share one rendering). The key is what the image says,
 * so a renamed group gets a new picture rather than its old name.
 */
export class PreviewImages {
  private readonly cache = new RenderOnceCache(PREVIEW_CACHE_BYTES);

  get(spec: JoinPreviewSpec): { png: Promise<Uint8Array>; cached: boolean } {
    // The photo by its etag: the same bytes always have the same etag.
    const key = createHash('sha256')
      .update(JSON.stringify({ ...spec, photo: spec.photo?.etag ?? null }))
      .digest('base64url');
    const { bytes, cached } = this.cache.get(key, () => joinPreviewPng(spec));
    return { png: bytes, cached };
  }
}
