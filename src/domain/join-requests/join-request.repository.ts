import type { JoinRequest, JoinRequestState } from './join-request';

export interface JoinRequestRepository {
  insert(request: JoinRequest): Promise<void>;
  findById(id: string): Promise<JoinRequest | undefined>;
  /** The pending, unexpired request for this group by this phone or person, if any. */
  findPending(
    groupId: string,
    who: { phone: string | null; personId: string | null },
    now: string,
  ): Promise<JoinRequest | undefined>;
  /** How many requests were made since `since`, through one link or from one requester key. */
  countCreatedSince(by: { linkId: string } | { requesterKey: string }, since: string): Promise<number>;
  /** How many requests are pending and unexpired, through one link or for one phone number. */
  countPending(by: { linkId: string } | { phone: string }, now: string): Promise<number>;
  /** The group's pending, unexpired requests, oldest first. */
  listPending(groupId: string, now: string): Promise<JoinRequest[]>;
  /** How many pending, unexpired requests each of these groups has. */
  countPendingByGroup(groupIds: string[], now: string): Promise<Map<string, number>>;
  /** Marks the group's lapsed requests expired; returns how many. */
  expireDue(groupId: string, now: string): Promise<number>;
  /** Decides a request only if it is still pending and unexpired; false when someone was first. */
  decide(
    id: string,
    state: Exclude<JoinRequestState, 'pending' | 'expired'>,
    by: string,
    now: string,
  ): Promise<boolean>;
}
