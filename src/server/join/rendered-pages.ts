import { LRUCache } from 'lru-cache';
import type { InviteLinkFacts } from '../../domain/invites/describe-invite-link';

/** Pages kept at once, by their characters: several hundred links' pages in every language. */
const RENDERED_PAGES_CHARS = 8 * 1024 * 1024;

/**
 * A working link's page as rendered for one reading of its facts. A poster shared to thousands is
 * opened by thousands of phones within minutes; each reading of the facts (kept a second, see
 * `LinkFactsCache`) is worded once per language instead of once per phone. A page is used again only for
 * the very facts it was made from, so a renamed group or a reset link shows at the next reading.
 * Bounded by size, so odd addresses can't fill memory: what falls out is rendered again.
 */
export class RenderedPages {
  private readonly pages = new LRUCache<string, { facts: InviteLinkFacts; html: string }>({
    maxSize: RENDERED_PAGES_CHARS,
    sizeCalculation: (page, key) => page.html.length + key.length,
  });

  /** The page under `key` for `facts`, made by `render` when it isn't held for these facts. */
  page(facts: InviteLinkFacts, key: string, render: () => string): string {
    const held = this.pages.get(key);
    if (held?.facts === facts) return held.html;
    const html = render();
    this.pages.set(key, { facts, html });
    return html;
  }
}
