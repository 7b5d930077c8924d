import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { addPhonesToGroup } from '../memberships/add-members-by-phone';
import { joinGroup } from '../memberships/join-group';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import type { JoinRequest } from './join-request';
import { JoinRequestNotFound } from './join-request.errors';

export type JoinDecision = 'approve' | 'decline';

export interface DecideJoinRequestsInput {
  groupId: string;
  decision: JoinDecision;
  /** The requests to decide; absent means every pending request of the group. */
  requestIds?: string[];
}

export interface JoinDecisionResult {
  id: string;
  displayName: string;
  /** `gone`: decided by someone else first, or expired before the decision. */
  outcome: 'approved' | 'declined' | 'gone';
}

/**
 * Approves or declines join requests, one, several or all. Approving adds the person exactly as
 * *Add users* does (an invite card when they can be reached); someone who asked while signed in joins
 * at once. All decisions commit together.
 */
export function decideJoinRequests(
  ctx: DomainContext,
  input: DecideJoinRequestsInput,
  actor: Actor,
): Promise<JoinDecisionResult[]> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'manage-members', group.name);
    const now = ctx.clock.now();
    const at = now.toISOString();
    await repos.joinRequests.expireDue(group.id, at);
    const requests = input.requestIds
      ? await Promise.all(input.requestIds.map((id) => requestOf(repos, group, id)))
      : await repos.joinRequests.listPending(group.id, at);
    const results: JoinDecisionResult[] = [];
    for (const request of requests) {
      const state = input.decision === 'approve' ? 'approved' : 'declined';
      // Conditional: of two admins deciding at once, one decides and the other hears it is gone.
      if (!(await repos.joinRequests.decide(request.id, state, actor.personId, at))) {
        results.push({ id: request.id, displayName: request.displayName, outcome: 'gone' });
        continue;
      }
      if (state === 'approved') await admit(repos, group, request, actor, now);
      await repos.audit.append(
        auditEntry(now, actor.personId, `join-request.${state}`, group.id, { requestId: request.id }),
      );
      results.push({ id: request.id, displayName: request.displayName, outcome: state });
    }
    return results;
  });
}

async function requestOf(repos: Repositories, group: Group, id: string): Promise<JoinRequest> {
  const request = await repos.joinRequests.findById(id);
  if (!request || request.groupId !== group.id) throw new JoinRequestNotFound(id);
  return request;
}

async function admit(repos: Repositories, group: Group, request: JoinRequest, actor: Actor, now: Date) {
  if (request.personId) {
    const existing = await repos.memberships.find(group.id, request.personId);
    if (existing?.state === 'joined') return;
    await joinGroup(repos, {
      group,
      personId: request.personId,
      existing,
      source: 'request',
      invitedBy: actor.personId,
      actorId: actor.personId,
      details: { requestId: request.id },
      now,
    });
    return;
  }
  // The number was stored in E.164, which reads the same in every region.
  await addPhonesToGroup(
    repos,
    { group, phones: [request.phone!], region: 'US', role: 'member', source: 'request', now },
    actor,
  );
  if (request.displayName) {
    const person = await repos.people.findByPhone(request.phone!);
    if (person && person.displayName === null)
      await repos.people.update(person.id, { displayName: request.displayName });
  }
}
