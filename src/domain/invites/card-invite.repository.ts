import type { Person } from '../people/person';
import type { CardInvite, CardInviteState } from './card-invite';

/** A card invite as the tab lists it, with the person it is for. */
export interface CardInviteView extends CardInvite {
  person: Pick<Person, 'id' | 'displayName' | 'phone'>;
}

export interface CardInviteRepository {
  /** A person's invites that could not be delivered (e.g. no account had their number then). */
  listFailedOf(personId: string): Promise<Array<{ groupId: string; invitedBy: string | null }>>;
  /**
   * Queues one invite per person (first time) or puts an existing one back in the queue;
   * answered invites (joined/declined) are left alone unless `includeAnswered`.
   * Returns the ids queued.
   */
  enqueue(
    invites: Array<{ groupId: string; personId: string; invitedBy: string | null }>,
    at: string,
    options?: { includeAnswered?: boolean },
  ): Promise<string[]>;
  /**
   * `enqueue` for many people at once (bulk uploads): a few statements instead of one per invite,
   * same rules for answered invites. Each (group, person) counts once. Returns the invites queued.
   */
  enqueueMany(
    invites: Array<{ groupId: string; personId: string; invitedBy: string | null }>,
    at: string,
  ): Promise<Array<{ id: string; groupId: string; personId: string }>>;
  findById(id: string): Promise<CardInvite | undefined>;
  findByMembership(groupId: string, personId: string): Promise<CardInvite | undefined>;
  listByGroup(groupId: string): Promise<CardInviteView[]>;
  countByState(groupId: string): Promise<Partial<Record<CardInviteState, number>>>;
  /** Records the person's answer. */
  answer(id: string, state: 'joined' | 'declined', at: string): Promise<void>;
}
