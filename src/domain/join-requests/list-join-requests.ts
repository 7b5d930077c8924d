import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { JoinRequest } from './join-request';

/** A pending request as its admins see it (the requester's address key stays private). */
export interface JoinRequestView {
  id: string;
  displayName: string;
  phone: string | null;
  /** True when the person signed in with an account and asked through an approval-only link. */
  signedIn: boolean;
  createdAt: string;
  expiresAt: string;
}

export const joinRequestView = (request: JoinRequest): JoinRequestView => ({
  id: request.id,
  displayName: request.displayName,
  phone: request.phone,
  signedIn: request.personId !== null,
  createdAt: request.createdAt,
  expiresAt: request.expiresAt,
});

/** The group's pending join requests, oldest first, for those who may add members. */
export function listJoinRequests(
  ctx: DomainContext,
  groupId: string,
  actor: Actor,
): Promise<{ group: { id: string; name: string }; requests: JoinRequestView[] }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'manage-members', group.name);
    const now = ctx.clock.now().toISOString();
    await repos.joinRequests.expireDue(group.id, now);
    const requests = await repos.joinRequests.listPending(group.id, now);
    return { group: { id: group.id, name: group.name }, requests: requests.map(joinRequestView) };
  });
}
