import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import { roles } from './membership';
import { MemberPageCursorInvalid } from './membership.errors';
import type { MemberCursor, MemberView } from './membership.repository';

/** A member as lists show them. */
export interface ListedMember extends MemberView {
  /** Signed in with an account of another tenant than the organisation that owns the group. */
  external: boolean;
}

/** One page of a group's members, with the group's totals. */
export interface MemberPage {
  members: ListedMember[];
  /** Everyone but those who declined, as the group's member count says. */
  total: number;
  admins: number;
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

/** Members per page when the caller does not say, and the most a caller may ask for. */
export const MEMBERS_PER_PAGE = 100;
export const MAX_MEMBERS_PER_PAGE = 500;

/**
 * A page of a group's members, for anyone who may see the group: admins first, then in the order they
 * were added. A page costs its own length, whatever the size of the group.
 */
export function listMembers(
  ctx: DomainContext,
  groupId: string,
  actor: Actor,
  page: { limit?: number; after?: string } = {},
): Promise<MemberPage> {
  const limit = Math.min(Math.max(1, page.limit ?? MEMBERS_PER_PAGE), MAX_MEMBERS_PER_PAGE);
  const after = page.after === undefined ? undefined : readCursor(page.after);
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'view', group.name);
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    // One more than the page, to know whether another follows.
    const [rows, counts, admins] = await Promise.all([
      repos.memberships.pageByGroup(group.id, limit + 1, after),
      repos.memberships.countStates([group.id]),
      repos.memberships.readAdminCount(group.id),
    ]);
    const members = rows.slice(0, limit).map((member) => ({
      ...member,
      external: isExternal(member.person.tenantId, organisation?.tenantId),
    }));
    const last = members.at(-1);
    return {
      members,
      total: counts.filter((c) => c.state !== 'declined').reduce((sum, c) => sum + c.count, 0),
      admins,
      next: rows.length > limit && last ? writeCursor(last) : null,
    };
  });
}

/** The cursor is opaque to callers: where the page ended, as base64url JSON. */
const writeCursor = (member: MemberView): string =>
  Buffer.from(JSON.stringify([member.role, member.createdAt, member.personId])).toString('base64url');

function readCursor(text: string): MemberCursor {
  try {
    const [role, createdAt, personId] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      roles.includes(role as never) &&
      typeof createdAt === 'string' &&
      createdAt.length <= 40 &&
      typeof personId === 'string' &&
      personId.length <= 64
    ) {
      return { role: role as MemberCursor['role'], createdAt, personId };
    }
  } catch {
    // falls through to the refusal
  }
  throw new MemberPageCursorInvalid();
}

/** Only an organisation's group has outsiders; a person known by phone alone is not one. */
export const isExternal = (
  personTenantId: string | null,
  organisationTenantId: string | undefined,
): boolean =>
  organisationTenantId !== undefined && personTenantId !== null && personTenantId !== organisationTenantId;
