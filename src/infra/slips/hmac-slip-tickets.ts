import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SlipTicketGrant, SlipTickets } from '../../domain/slips/slips.ports';

/** Longer than any real ticket (ids are UUIDs): anything bigger is refused before any work. */
const MAX_TICKET_LENGTH = 400;

/**
 * A ticket is `<grant as base64url JSON>.<HMAC-SHA256 of it, base64url>`, signed with the deployment's
 * link key under a label of its own (so it can never pass for a standing link's token, nor one for it).
 */
export class HmacSlipTickets implements SlipTickets {
  constructor(private readonly key: Uint8Array) {}

  issue(grant: SlipTicketGrant): string {
    const body = Buffer.from(
      JSON.stringify({ g: grant.groupId, p: grant.personId, n: grant.part, e: grant.expiresAt }),
    ).toString('base64url');
    return `${body}.${this.sign(body).toString('base64url')}`;
  }

  open(ticket: string): SlipTicketGrant | undefined {
    if (ticket.length > MAX_TICKET_LENGTH) return undefined;
    const [body, signature, ...rest] = ticket.split('.');
    if (!body || !signature || rest.length > 0) return undefined;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const { g, p, n, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (typeof g !== 'string' || typeof p !== 'string' || !Number.isInteger(n) || typeof e !== 'string')
        return undefined;
      return { groupId: g, personId: p, part: n, expiresAt: e };
    } catch {
      return undefined;
    }
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(`convene slips download\0${body}`).digest();
  }
}
