import type { Actor } from '../access/actor';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { fileJoinRequest } from '../join-requests/file-join-request';
import { joinGroup } from '../memberships/join-group';
import { personLabel } from '../people/person';
import type { DomainContext } from '../shared/unit-of-work.port';
import { InviteOrganisationAccountsOnly, InviteUsedUp } from './invite.errors';
import { loadUsableLink } from './load-usable-link';

export interface RedeemResult {
  group: Group;
  /** `requested`: the link needs an admin's approval, and a join request now waits for it. */
  outcome: 'joined' | 'already-member' | 'requested';
}

/** Joins the actor to the link's group. Someone already in the group does not use up the link. */
export function redeemInviteLink(
  ctx: DomainContext,
  input: { token: string },
  actor: Actor,
): Promise<RedeemResult> {
  return ctx.uow.run(async (repos) => {
    const now = ctx.clock.now();
    const link = await loadUsableLink(repos, input.token, now);
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
    if (link.approvalRequired) {
      const person = await repos.people.findById(actor.personId);
      await fileJoinRequest(repos, {
        link,
        group,
        displayName: actor.displayName ?? (person ? personLabel(person) : actor.personId),
        phone: person?.phone ?? null,
        personId: actor.personId,
        requesterKey: null,
        now,
      });
      return { group, outcome: 'requested' };
    }
    // Counting the use is a conditional update, so two people racing for the last use cannot both win.
    if (!(await repos.inviteLinks.consumeUse(link.id))) throw new InviteUsedUp(link.maxUses!);
    await joinGroup(repos, {
      group,
      personId: actor.personId,
      existing,
      source: 'link',
      invitedBy: link.createdBy,
      actorId: actor.personId,
      details: { linkId: link.id },
      now,
    });
    return { group, outcome: 'joined' };
  });
}
