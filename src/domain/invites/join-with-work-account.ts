import { identifyTeamsUser } from '../people/identify-teams-user';
import { attachPhonePersonToAccount } from '../people/merge-people';
import type { SignedInAccount } from '../people/work-account-sign-in.port';
import type { DomainContext } from '../shared/unit-of-work.port';
import { hashInviteToken } from './invite-link';
import { type RedeemResult, redeemInviteLink } from './redeem-invite-link';

export interface JoinedWithWorkAccount extends RedeemResult {
  /** The group's team in Teams, when it has one. */
  teamUrl: string | null;
}

/**
 * Joins someone who signed in on the join page. When the group already has them by phone (an admin
 * added the number the directory holds for their account), that record becomes theirs first, as a
 * card's Join does, so they are one member, not two; then the same redeem the bot uses runs (use
 * counting, organisation-only check, join approval).
 */
export async function joinWithWorkAccount(
  ctx: DomainContext,
  input: { token: string; account: SignedInAccount },
): Promise<JoinedWithWorkAccount> {
  const { account } = input;
  if (account.phones.length > 0) {
    await ctx.uow.run(async (repos) => {
      const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(input.token));
      if (!link) return;
      for (const phone of account.phones) {
        const person = await repos.people.findByPhone(phone);
        if (!person || person.aadObjectId || !(await repos.memberships.find(link.groupId, person.id)))
          continue;
        await attachPhonePersonToAccount(repos, person, account, ctx.clock.now());
        return;
      }
    });
  }
  const actor = await identifyTeamsUser(ctx, account);
  const result = await redeemInviteLink(ctx, { token: input.token }, actor);
  const provisioning = await ctx.uow.read((repos) => repos.groupProvisioning.find(result.group.id));
  return { ...result, teamUrl: provisioning?.teamUrl ?? null };
}
