import { createHash, randomBytes } from 'node:crypto';

/** A shareable link anyone may use to join a group. Only the token's hash is ever stored. */
export interface InviteLink {
  id: string;
  groupId: string;
  tokenHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  organisationAccountsOnly: boolean;
  /** Every join by this link becomes a join request that an admin approves or declines. */
  approvalRequired: boolean;
  /** The group's one shared link for posters, templates and the slideshow (its token is derived). */
  standing: boolean;
}

export const DEFAULT_INVITE_LIFETIME_DAYS = 30;

/** 128 random bits, URL-safe: 22 characters. */
export const newInviteToken = (): string => randomBytes(16).toString('base64url');

export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const tokenPattern = /^[A-Za-z0-9_-]{22}$/;

/** Accepts a bare token or any link whose last path segment is one (people paste both). */
export function extractInviteToken(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  const candidate = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return tokenPattern.test(candidate) ? candidate : undefined;
}

export type InviteLinkStatus = 'active' | 'revoked' | 'expired' | 'used-up';

export function inviteLinkStatus(link: InviteLink, now: Date): InviteLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && Date.parse(link.expiresAt) <= now.getTime()) return 'expired';
  if (link.maxUses !== null && link.uses >= link.maxUses) return 'used-up';
  return 'active';
}

/** The address people open to join: the one spelling of an invite link's URL. */
export const inviteUrl = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}/join/${token}`;
