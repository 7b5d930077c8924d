import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { queueCardInvites } from '../invites/queue-card-invites';
import { findOrCreatePersonByPhone } from '../people/find-or-create-person';
import { PhoneInvalid } from '../people/phone.errors';
import { parseRegion, type Region, toE164 } from '../people/phone-number';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import type { MembershipSource, Role } from './membership';

export interface AddMembersInput {
  groupId: string;
  phones: string[];
  region: string;
  role: Role;
  source: Extract<MembershipSource, 'manual' | 'bulk'>;
}

export type AddMemberResult =
  | { input: string; outcome: 'added' | 'already-member'; phone: string; personId: string }
  | { input: string; outcome: 'invalid'; code: string; reason: string };

/**
 * Adds people by phone number. Each number gets its own result: a bad number is reported and the
 * good ones are still added, all in one transaction.
 */
export async function addMembersByPhone(
  ctx: DomainContext,
  input: AddMembersInput,
  actor: Actor,
): Promise<AddMemberResult[]> {
  const region = parseRegion(input.region);
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    const action = input.role === 'admin' ? 'manage-admins' : 'manage-members';
    assertMay(await relationsTo(repos, actor, group), action, group.name);
    return addPhonesToGroup(repos, { ...input, group, region, now: ctx.clock.now() }, actor);
  });
}

/**
 * The rule of *Add users* inside a caller's transaction, for use cases that end in adding someone by
 * phone (approving a join request): the caller has checked the actor may do it.
 */
export async function addPhonesToGroup(
  repos: Repositories,
  input: Pick<AddMembersInput, 'phones' | 'role'> & {
    group: Group;
    region: Region;
    source: MembershipSource;
    now: Date;
  },
  actor: Actor,
): Promise<AddMemberResult[]> {
  const { group, now, region } = input;
  const results: AddMemberResult[] = [];
  for (const raw of input.phones) {
    let phone: string;
    try {
      phone = toE164(raw, region);
    } catch (error) {
      if (!(error instanceof PhoneInvalid)) throw error;
      results.push({ input: raw, outcome: 'invalid', code: error.code, reason: error.message });
      continue;
    }
    const person = await findOrCreatePersonByPhone(repos, phone, now);
    if (await repos.memberships.find(group.id, person.id)) {
      results.push({ input: raw, outcome: 'already-member', phone, personId: person.id });
      continue;
    }
    await repos.memberships.insert({
      groupId: group.id,
      personId: person.id,
      role: input.role,
      source: input.source,
      state: 'invited',
      invitedBy: actor.personId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await repos.audit.append(
      auditEntry(now, actor.personId, 'member.added', group.id, { personId: person.id, role: input.role }),
    );
    results.push({ input: raw, outcome: 'added', phone, personId: person.id });
  }
  // Everyone added gets an invite card, sent by the delivery worker once this commits.
  const added = results.flatMap((r) => (r.outcome === 'added' ? [r.personId] : []));
  await queueCardInvites(repos, { groupId: group.id, personIds: added, invitedBy: actor.personId, now });
  // Those already known to Entra join the organisation's team now; the others once they are found.
  if (added.length > 0) await requestMemberSync(repos, [group.id], now);
  return results;
}
