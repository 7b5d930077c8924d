import type { Person } from '../people/person';
import type { InvitationState, Membership, Role } from './membership';

export interface MemberView extends Membership {
  person: Person;
}

/** Where a page of a group's members ends: the next page starts after this member. */
export interface MemberCursor {
  role: Role;
  createdAt: string;
  personId: string;
}

export interface MembershipRepository {
  find(groupId: string, personId: string): Promise<Membership | undefined>;
  insert(membership: Membership): Promise<void>;
  remove(groupId: string, personId: string): Promise<void>;
  setRole(groupId: string, personId: string, role: Role, at: string): Promise<void>;
  setState(groupId: string, personId: string, state: InvitationState, at: string): Promise<void>;
  /** Every member of the group (for jobs that need them all; requests read pages). */
  listByGroup(groupId: string): Promise<MemberView[]>;
  /** Up to `limit` members, admins first, then by when they were added, after `after` when given. */
  pageByGroup(groupId: string, limit: number, after?: MemberCursor): Promise<MemberView[]>;
  /** How many admins the group has, as a plain read (no hold on admin changes, unlike `countAdmins`). */
  readAdminCount(groupId: string): Promise<number>;
  /** Every membership of the given people (any number of ids), with the person, the most recent first. */
  listByPeople(personIds: string[]): Promise<MemberView[]>;
  /**
   * How many admins the group has. Until the caller's transaction ends, other transactions' admin
   * changes to the group wait (`countAdmins`, `demoteAdmin`, `removeAdmin`), so a count taken to
   * decide on a change stays true until that change commits.
   */
  countAdmins(groupId: string): Promise<number>;
  /**
   * Makes an admin a member unless they are the group's last admin: one conditional write, after
   * other admin changes to the group are held off. False, with nothing written, when they are the last.
   */
  demoteAdmin(groupId: string, personId: string, at: string): Promise<boolean>;
  /** Removes an admin unless they are the group's last admin (as `demoteAdmin`); false when they are. */
  removeAdmin(groupId: string, personId: string): Promise<boolean>;
  /** How many memberships are in each invitation state, per group, for the given groups. */
  countStates(groupIds: string[]): Promise<Array<{ groupId: string; state: InvitationState; count: number }>>;
}
