import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import { loadGroup } from '../groups/load-group';
import { newId } from '../shared/ids';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { InviteSettingsInvalid } from './invite.errors';
import {
  DEFAULT_INVITE_LIFETIME_DAYS,
  hashInviteToken,
  type InviteLink,
  newInviteToken,
} from './invite-link';

export const MAX_INVITE_LIFETIME_DAYS = 365;
export const MAX_INVITE_USES = 100_000;

export interface InviteLinkSettings {
  /** Days until the link stops working; defaults to 30. */
  expiresInDays?: number;
  /** How many people may join with it; unlimited when absent. */
  maxUses?: number | null;
  /** Defaults to true for an organisation's group: its links are for its accounts unless widened. */
  organisationAccountsOnly?: boolean;
  /** An admin approves each join: every join by the link becomes a join request. */
  approvalRequired?: boolean;
}

/** The link as shown once to its creator: the token is never stored, only its hash. */
export interface IssuedInviteLink {
  link: InviteLink;
  token: string;
  group: Group;
}

function validateSettings(settings: InviteLinkSettings, group: Group): Required<InviteLinkSettings> {
  const days = settings.expiresInDays ?? DEFAULT_INVITE_LIFETIME_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_INVITE_LIFETIME_DAYS) {
    throw new InviteSettingsInvalid(`expiry must be 1 to ${MAX_INVITE_LIFETIME_DAYS} whole days`, {
      setting: 'expiry',
      max: MAX_INVITE_LIFETIME_DAYS,
    });
  }
  const maxUses = settings.maxUses ?? null;
  if (maxUses !== null && (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > MAX_INVITE_USES)) {
    throw new InviteSettingsInvalid(`the number of uses must be 1 to ${MAX_INVITE_USES}`, {
      setting: 'uses',
      max: MAX_INVITE_USES,
    });
  }
  const organisationAccountsOnly = settings.organisationAccountsOnly ?? group.organisationId !== null;
  if (organisationAccountsOnly && !group.organisationId) {
    throw new InviteSettingsInvalid(
      'only a group added to an organisation can limit joining to its accounts',
      { setting: 'organisation-accounts-only' },
    );
  }
  return {
    expiresInDays: days,
    maxUses,
    organisationAccountsOnly,
    approvalRequired: settings.approvalRequired ?? false,
  };
}

async function issue(
  ctx: DomainContext,
  repos: Repositories,
  group: Group,
  settings: InviteLinkSettings,
  actor: Actor,
  action: string,
): Promise<IssuedInviteLink> {
  const valid = validateSettings(settings, group);
  const now = ctx.clock.now();
  const token = newInviteToken();
  const link: InviteLink = {
    id: newId(),
    groupId: group.id,
    tokenHash: hashInviteToken(token),
    createdBy: actor.personId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + valid.expiresInDays * 86_400_000).toISOString(),
    maxUses: valid.maxUses,
    uses: 0,
    revokedAt: null,
    organisationAccountsOnly: valid.organisationAccountsOnly,
    approvalRequired: valid.approvalRequired,
    standing: false,
  };
  await repos.inviteLinks.insert(link);
  await repos.audit.append(
    auditEntry(now, actor.personId, action, group.id, {
      linkId: link.id,
      expiresAt: link.expiresAt,
      maxUses: link.maxUses,
      organisationAccountsOnly: link.organisationAccountsOnly,
      approvalRequired: link.approvalRequired,
    }),
  );
  return { link, token, group };
}

/** Issues a new invite link; links issued earlier keep working. */
export function createInviteLink(
  ctx: DomainContext,
  input: { groupId: string } & InviteLinkSettings,
  actor: Actor,
): Promise<IssuedInviteLink> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'invite', group.name);
    return issue(ctx, repos, group, input, actor, 'invite-link.created');
  });
}

/** Revokes every link of the group and issues a fresh one (for a link that leaked or changed hands). */
export function resetInviteLink(
  ctx: DomainContext,
  input: { groupId: string } & InviteLinkSettings,
  actor: Actor,
): Promise<IssuedInviteLink> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'invite', group.name);
    await repos.inviteLinks.revokeAll(group.id, ctx.clock.now().toISOString());
    return issue(ctx, repos, group, input, actor, 'invite-link.reset');
  });
}
