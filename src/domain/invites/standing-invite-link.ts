import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { IssuedInviteLink } from './create-invite-link';
import { hashInviteToken, type InviteLink, inviteLinkStatus } from './invite-link';

/**
 * Derives a standing link's token from its id with a server secret (an HMAC), so the token can be
 * shown again without ever being stored: the database still holds only its hash.
 */
export interface StandingTokens {
  tokenFor(linkId: string): string;
}

/** Posters stay on walls for weeks: a standing link lasts 90 days... */
export const STANDING_LINK_DAYS = 90;
/** ...and is replaced once fewer than 30 remain, so nothing new is printed with a link about to die. */
export const STANDING_LINK_RENEW_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The group's one standing invite link, shared by its posters, message templates and slideshow, so
 * they all show the same link and links do not pile up. A new one is issued only when there is none
 * that works (never made, reset, expiring within 30 days); one that is replaced keeps working until
 * it expires, for the posters already printed.
 */
export function standingInviteLink(
  ctx: DomainContext & { standingTokens: StandingTokens },
  input: { groupId: string },
  actor: Actor,
): Promise<IssuedInviteLink> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'invite', group.name);
    const now = ctx.clock.now();
    const current = await repos.inviteLinks.findStanding(group.id);
    if (current && stillServes(current, now)) {
      return { link: current, token: ctx.standingTokens.tokenFor(current.id), group };
    }
    const id = newId();
    const token = ctx.standingTokens.tokenFor(id);
    const link: InviteLink = {
      id,
      groupId: group.id,
      tokenHash: hashInviteToken(token),
      createdBy: actor.personId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + STANDING_LINK_DAYS * DAY_MS).toISOString(),
      maxUses: null,
      uses: 0,
      revokedAt: null,
      // Like every link of an organisation's group: for its accounts.
      organisationAccountsOnly: group.organisationId !== null,
      approvalRequired: false,
      standing: true,
    };
    await repos.inviteLinks.insert(link);
    await repos.audit.append(
      auditEntry(now, actor.personId, 'invite-link.created', group.id, {
        linkId: link.id,
        standing: true,
        expiresAt: link.expiresAt,
        organisationAccountsOnly: link.organisationAccountsOnly,
      }),
    );
    return { link, token, group };
  });
}

function stillServes(link: InviteLink, now: Date): boolean {
  if (inviteLinkStatus(link, now) !== 'active') return false;
  if (link.maxUses !== null || link.approvalRequired) return false;
  return (
    link.expiresAt === null || Date.parse(link.expiresAt) - now.getTime() > STANDING_LINK_RENEW_DAYS * DAY_MS
  );
}
