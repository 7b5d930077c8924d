/** Someone without a work account (or anyone, on an approval-only link) asking to join a group. */
export interface JoinRequest {
  id: string;
  groupId: string;
  linkId: string;
  displayName: string;
  /** E.164; null when a signed-in person asked through an approval-only link without a known number. */
  phone: string | null;
  /** The signed-in person who asked, when they asked through an approval-only link. */
  personId: string | null;
  /** An opaque key for the address the request came from, for rate limiting only. */
  requesterKey: string | null;
  state: JoinRequestState;
  createdAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const joinRequestStates = ['pending', 'approved', 'declined', 'expired'] as const;
export type JoinRequestState = (typeof joinRequestStates)[number];

/** Unanswered requests lapse after two weeks: the person has long moved on by then. */
export const JOIN_REQUEST_LIFETIME_DAYS = 14;

/**
 * Limits that keep a leaked link or a script from flooding a group's admins: per address and per
 * link within an hour, pending per link at any time, and pending per phone number across groups.
 */
export const joinRequestLimits = {
  perRequesterPerHour: 5,
  perLinkPerHour: 60,
  pendingPerLink: 500,
  pendingPerPhone: 5,
} as const;

export const JOIN_REQUEST_NAME_MAX_LENGTH = 100;
