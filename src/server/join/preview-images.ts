import { LRUCache } from 'lru-cache';
import { type JoinPreviewSpec, joinPreviewPng } from '../../infra/rollout/join-preview-png';

/**
 * Link-preview images, rendered once per link and kept in a bounded cache (a poster shared to
 * thousands makes thousands of chat apps fetch the same image at once: they share one render).
 */
export class PreviewImages {
  /** How many images were rendered (not served from the cache) since start. */
  renders = 0;
  private readonly cache = new LRUCache<string, Promise<Buffer>>({ max: 500 });

  get(linkId: string, spec: () => JoinPreviewSpec): { png: Promise<Buffer>; cached: boolean } {
    const cached = this.cache.get(linkId);
    if (cached) return { png: cached, cached: true };
    this.renders++;
    const png = Promise.resolve().then(() => Buffer.from(joinPreviewPng(spec())));
    png.catch(() => this.cache.delete(linkId));
    this.cache.set(linkId, png);
    return { png, cached: false };
  }
}
