import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { DomainContext } from '../shared/unit-of-work.port';
import {
  InviteExpired,
  InviteNotFound,
  InviteOrganisationAccountsOnly,
  InviteRevoked,
  InviteUsedUp,
} from './invite.errors';
import { hashInviteToken, inviteLinkStatus } from './invite-link';

export interface RedeemResult {
  group: Group;
  outcome: 'joined' | 'already-member';
}

/** Joins the actor to the link's group. Someone already in the group does not use up the link. */
export function redeemInviteLink(
  ctx: DomainContext,
  input: { token: string },
  actor: Actor,
): Promise<RedeemResult> {
  return ctx.uow.run(async (repos) => {
    const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(input.token));
    if (!link) throw new InviteNotFound();
    const now = ctx.clock.now();
    const status = inviteLinkStatus(link, now);
    if (status === 'revoked') throw new InviteRevoked();
    if (status === 'expired') throw new InviteExpired(link.expiresAt!);
    if (status === 'used-up') throw new InviteUsedUp(link.maxUses!);
    const group = await loadGroup(repos, link.groupId);
    if (link.organisationAccountsOnly) {
      const organisation = group.organisationId
        ? await repos.organisations.findById(group.organisationId)
        : undefined;
      if (!organisation || organisation.tenantId !== actor.tenantId)
        throw new InviteOrganisationAccountsOnly(group.name);
    }
    const existing = await repos.memberships.find(group.id, actor.personId);
    if (existing?.state === 'joined') return { group, outcome: 'already-member' };
    // Counting the use is a conditional update, so two people racing for the last use cannot both win.
    if (!(await repos.inviteLinks.consumeUse(link.id))) throw new InviteUsedUp(link.maxUses!);
    const at = now.toISOString();
    if (existing) {
      await repos.memberships.setState(group.id, actor.personId, 'joined', at);
    } else {
      await repos.memberships.insert({
        groupId: group.id,
        personId: actor.personId,
        role: 'member',
        source: 'link',
        state: 'joined',
        invitedBy: link.createdBy,
        createdAt: at,
        updatedAt: at,
      });
    }
    await repos.audit.append(auditEntry(now, actor.personId, 'member.joined', group.id, { linkId: link.id }));
    await requestMemberSync(repos, [group.id], now);
    return { group, outcome: 'joined' };
  });
}
