import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import type { DomainContext } from '../shared/unit-of-work.port';
import { InviteNotFound } from './invite.errors';
import { hashInviteToken, type InviteLinkStatus, inviteLinkStatus } from './invite-link';

/**
 * What anyone holding an invite link may know before joining: the group, where it sits, who shared
 * the link, how many people are in it and whether the link still works. Never who the members are.
 */
export interface InviteLinkFacts {
  status: InviteLinkStatus;
  group: { name: string; parentName: string | null; memberCount: number; photoEtag: string | null };
  /** The organisation the group belongs to (its print language for the link's preview); null for a personal group. */
  organisation: { name: string; tenantId: string; language: Locale } | null;
  sharedBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  maxUses: number | null;
  usesLeft: number | null;
  organisationAccountsOnly: boolean;
  /** An admin approves each join made with this link. */
  approvalRequired: boolean;
}

/** Describes an invite link for the join page. Reading never uses the link up (scanners fetch it). */
export function describeInviteLink(ctx: DomainContext, input: { token: string }): Promise<InviteLinkFacts> {
  return ctx.uow.read(async (repos) => {
    const link = await repos.inviteLinks.findByTokenHash(hashInviteToken(input.token));
    const group = link && (await repos.groups.findById(link.groupId));
    if (!link || !group) throw new InviteNotFound();
    const [parent, organisation, sharer, counts, photos] = await Promise.all([
      group.parentId ? repos.groups.findById(group.parentId) : undefined,
      group.organisationId ? repos.organisations.findById(group.organisationId) : undefined,
      repos.people.findById(link.createdBy),
      repos.memberships.countStates([group.id]),
      repos.groupPhotos.etags([group.id]),
    ]);
    return {
      status: inviteLinkStatus(link, ctx.clock.now()),
      group: {
        name: group.name,
        parentName: parent?.name ?? null,
        // As the groups list counts them: everyone invited or joined, not those who declined.
        memberCount: counts.filter((c) => c.state !== 'declined').reduce((sum, c) => sum + c.count, 0),
        photoEtag: photos.get(group.id) ?? null,
      },
      organisation: organisation
        ? {
            name: organisation.displayName,
            tenantId: organisation.tenantId,
            language: organisation.language ?? DEFAULT_LOCALE,
          }
        : null,
      sharedBy: sharer?.displayName ?? null,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      maxUses: link.maxUses,
      usesLeft: link.maxUses === null ? null : Math.max(0, link.maxUses - link.uses),
      organisationAccountsOnly: link.organisationAccountsOnly,
      approvalRequired: link.approvalRequired,
    };
  });
}
