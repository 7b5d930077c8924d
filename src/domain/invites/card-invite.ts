/**
 * An Adaptive Card invite for one membership. It travels queued → sent | failed, and the person's
 * answer moves it on to joined or declined. A resend puts the same invite back in the queue.
 */
export const cardInviteStates = ['queued', 'sent', 'failed', 'joined', 'declined'] as const;
export type CardInviteState = (typeof cardInviteStates)[number];

export interface CardInvite {
  id: string;
  groupId: string;
  personId: string;
  invitedBy: string | null;
  state: CardInviteState;
  attempts: number;
  /** Machine-readable reason for `failed`, e.g. NOT_IN_DIRECTORY or BOT_BLOCKED. */
  failureCode: string | null;
  failureReason: string | null;
  /** The Teams identity the card was addressed to; only they may answer it. */
  targetTenantId: string | null;
  targetAadObjectId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  answeredAt: string | null;
}

/** Answers a person can give on the card. */
export type CardInviteAnswer = 'join' | 'decline';
