export const roles = ['admin', 'member'] as const;
export type Role = (typeof roles)[number];

/** `request`: an admin approved the person's join request. */
export const membershipSources = ['creator', 'link', 'card', 'manual', 'bulk', 'request'] as const;
export type MembershipSource = (typeof membershipSources)[number];

export const invitationStates = ['invited', 'joined', 'declined'] as const;
export type InvitationState = (typeof invitationStates)[number];

/** A person in a group, with their role and where their invitation stands. */
export interface Membership {
  groupId: string;
  personId: string;
  role: Role;
  source: MembershipSource;
  state: InvitationState;
  invitedBy: string | null;
  createdAt: string;
  updatedAt: string;
}
