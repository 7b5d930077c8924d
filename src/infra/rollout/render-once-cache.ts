import { LRUCache } from 'lru-cache';

/**
 * Pictures rendered once and then served from memory, bounded by bytes: a poster or a link preview costs
 * a hundred milliseconds or more of CPU, and thousands of phones or chat apps ask for the same one within
 * minutes. Requests that arrive while it is being rendered share that rendering; a failed one is
 * forgotten, so the next request tries again.
 */
export class RenderOnceCache {
  private readonly cache: LRUCache<string, Promise<Uint8Array>>;

  constructor(maxBytes: number) {
    this.cache = new LRUCache({
      maxSize: maxBytes,
      // A picture being rendered counts as 1 MB until its size is known.
      sizeCalculation: () => 1024 * 1024,
    });
  }

  /** The picture under `key`, rendered by `render` only when it is not held; `cached` says which. */
  get(key: string, render: () => Promise<Uint8Array>): { bytes: Promise<Uint8Array>; cached: boolean } {
    const held = this.cache.get(key);
    if (held) return { bytes: held, cached: true };
    const rendering = render();
    this.cache.set(key, rendering);
    rendering.then(
      (bytes) => {
        if (this.cache.peek(key) === rendering)
          this.cache.set(key, rendering, { size: Math.max(1, bytes.byteLength) });
      },
      () => this.cache.delete(key),
    );
    return { bytes: rendering, cached: false };
  }
}
