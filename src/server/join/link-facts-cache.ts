import { LRUCache } from 'lru-cache';
import { describeInviteLink, type InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';

/** How long a link's facts are reused for views of the page; joining always reads afresh. */
const FRESH_MS = 1000;

/**
 * The join page's facts per token, reused for a second: a poster shared to thousands is opened by
 * thousands of phones within minutes, and they all want the same few rows. Concurrent views share one
 * read. Only the page and its preview use it; signing in and asking to join go to the domain each time,
 * so a reset link can at most look valid for a second, never be used.
 */
export class LinkFactsCache {
  private readonly cache = new LRUCache<string, Promise<InviteLinkFacts | undefined>>({
    max: 5000,
    ttl: FRESH_MS,
  });

  constructor(private readonly ctx: DomainContext) {}

  /** The link's facts; undefined for a token no link has. */
  get(token: string): Promise<InviteLinkFacts | undefined> {
    let facts = this.cache.get(token);
    if (!facts) {
      facts = describeInviteLink(this.ctx, { token }).catch((error: unknown) => {
        if (error instanceof InviteNotFound) return undefined;
        this.cache.delete(token);
        throw error;
      });
      this.cache.set(token, facts);
    }
    return facts;
  }
}
