/** What a bot's slips download link grants: one person's slips of one group (one part), until a time. */
export interface SlipTicketGrant {
  groupId: string;
  personId: string;
  part: number;
  expiresAt: string;
}

/**
 * Short-lived signed download links for the bot's slips card. Teams opens a card's link in a browser
 * that carries no Teams sign-in, so the link itself proves who asked; the server still checks, on
 * every download, that this person may print the group's slips.
 */
export interface SlipTickets {
  issue(grant: SlipTicketGrant): string;
  /** The grant of a ticket this server signed, or undefined for anything else (expiry is checked by the caller). */
  open(ticket: string): SlipTicketGrant | undefined;
}
