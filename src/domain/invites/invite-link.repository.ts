import type { InviteLink } from './invite-link';

export interface InviteLinkRepository {
  insert(link: InviteLink): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<InviteLink | undefined>;
  /** The group's newest link that is not revoked, if any. */
  findCurrent(groupId: string): Promise<InviteLink | undefined>;
  /** The group's newest standing link that is not revoked, if any. */
  findStanding(groupId: string): Promise<InviteLink | undefined>;
  revokeAll(groupId: string, at: string): Promise<void>;
  /** Counts one use, unless that would exceed the maximum; false when the link is used up. */
  consumeUse(id: string): Promise<boolean>;
}
