/**
 * The invite card's contract between invite delivery (infra) and the bot's card template (bot/): what
 * the card says, and the message that carries it. The composition root injects the bot's renderer into
 * the delivery worker, so neither side imports the other.
 */

/** What an invite card says. */
export interface InviteCardContent {
  inviteId: string;
  groupId: string;
  groupName: string;
  parentName: string | null;
  inviterName: string | null;
  memberCount: number;
  /** The person's last known Teams language (a BCP 47 tag); null: never heard from, so English. */
  locale?: string | null;
}

/** The message activity that carries the card, as the Bot Connector takes it. */
export interface InviteCardActivity {
  type: 'message';
  attachments?: unknown[];
  text?: string;
  [key: string]: unknown;
}

/** Turns what the card says into the activity sent to the person's 1:1 chat. */
export type RenderInviteActivity = (content: InviteCardContent) => InviteCardActivity;
