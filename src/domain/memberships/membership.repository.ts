import type { Person } from '../people/person';
import type { InvitationState, Membership, Role } from './membership';

export interface MemberView extends Membership {
  person: Person;
}

export interface MembershipRepository {
  find(groupId: string, personId: string): Promise<Membership | undefined>;
  insert(membership: Membership): Promise<void>;
  remove(groupId: string, personId: string): Promise<void>;
  setRole(groupId: string, personId: string, role: Role, at: string): Promise<void>;
  setState(groupId: string, personId: string, state: InvitationState, at: string): Promise<void>;
  listByGroup(groupId: string): Promise<MemberView[]>;
  countAdmins(groupId: string): Promise<number>;
  /** How many memberships are in each invitation state, per group, for the given groups. */
  countStates(groupIds: string[]): Promise<Array<{ groupId: string; state: InvitationState; count: number }>>;
}
