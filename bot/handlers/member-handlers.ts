import { viewGroup } from '../../src/domain/groups/view-group';
import { type AddMemberResult, addMembersByPhone } from '../../src/domain/memberships/add-members-by-phone';
import { changeMemberRole } from '../../src/domain/memberships/change-member-role';
import { listMembers } from '../../src/domain/memberships/list-members';
import type { MemberRef } from '../../src/domain/memberships/member-ref';
import type { Role } from '../../src/domain/memberships/membership';
import { removeMember } from '../../src/domain/memberships/remove-member';
import { personLabel } from '../../src/domain/people/person';
import { splitPhoneList } from '../../src/domain/people/phone-number';
import type { MembersCardData } from '../cards/card-data';
import type { GroupRef, Session } from '../session';
import { countOf, roleLabel } from './describe';
import { cardReply, type Reply } from './reply';

/** A members card shows this many people; the tab lists everyone. */
const MEMBERS_SHOWN = 50;

/**
 * An add's card lists this many numbers per outcome: thousands can be added at once, and Teams refuses
 * a message over about 28 KB. The summary line counts them all.
 */
const OUTCOMES_SHOWN = 30;

/** The first OUTCOMES_SHOWN items, then one that says how many more there are. */
function firstOf<T>(items: T[], more: (count: string) => T): T[] {
  if (items.length <= OUTCOMES_SHOWN) return items;
  return [...items.slice(0, OUTCOMES_SHOWN), more((items.length - OUTCOMES_SHOWN).toLocaleString('en-US'))];
}

/** Says what an add did, in one line: "2 added · 1 already a member · 1 not added". */
export function addSummary(results: AddMemberResult[]): string {
  const count = (outcome: AddMemberResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const already = count('already-member');
  return [
    `${count('added')} added`,
    ...(already > 0 ? [`${already} already ${already === 1 ? 'a member' : 'members'}`] : []),
    ...(count('invalid') > 0 ? [`${count('invalid')} not added`] : []),
  ].join(' · ');
}

async function addMembers(session: Session, groupId: string, phones: string[], role: Role) {
  return addMembersByPhone(
    session.deps.ctx,
    { groupId, phones, region: await session.region(), role, source: 'manual' },
    await session.actor(),
  );
}

/** `add <phones> to <group> [as admin]`: a summary card with every number's outcome. */
export async function addMembersReply(
  session: Session,
  ref: GroupRef,
  phones: string[],
  role: Role,
): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const results = await addMembers(session, groupId, phones, role);
  const { group } = await viewGroup(session.deps.ctx, groupId, await session.actor());
  const label = (r: AddMemberResult) => (r.outcome === 'invalid' ? r.input : r.phone);
  return cardReply('add-result', {
    groupId,
    groupName: group.name,
    summary: `${addSummary(results)}.`,
    roleLabel: role === 'admin' ? 'admins' : 'members',
    added: firstOf(
      results.filter((r) => r.outcome === 'added').map((r) => ({ label: label(r) })),
      (n) => ({ label: `… and ${n} more` }),
    ),
    already: firstOf(
      results.filter((r) => r.outcome === 'already-member').map((r) => ({ label: label(r) })),
      (n) => ({ label: `… and ${n} more` }),
    ),
    invalid: firstOf(
      results.flatMap((r) => (r.outcome === 'invalid' ? [{ input: r.input, reason: r.reason }] : [])),
      (n) => ({ input: '…', reason: `and ${n} more` }),
    ),
  });
}

/** The members card's Add form: adds, then shows the refreshed list with the outcome on top. */
export async function addFromCardReply(
  session: Session,
  groupId: string,
  form: Record<string, unknown>,
): Promise<Reply> {
  const phones = splitPhoneList(String(form.phones ?? ''));
  const role: Role = form.asAdmin === true || form.asAdmin === 'true' ? 'admin' : 'member';
  const results = await addMembers(session, groupId, phones, role);
  const invalid = results.flatMap((r) => (r.outcome === 'invalid' ? [r.reason] : []));
  const notice = [`${addSummary(results)}.`, ...firstOf(invalid, (n) => `And ${n} more.`)].join(' ');
  return membersReply(session, { id: groupId }, { notice, color: invalid.length > 0 ? 'Attention' : 'Good' });
}

/** `members <group>`: who is in it, with role buttons for those who may manage them. */
export async function membersReply(
  session: Session,
  ref: GroupRef,
  notice: { notice: string; color: MembersCardData['noticeColor'] } = { notice: '', color: 'Default' },
): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const actor = await session.actor();
  const view = await viewGroup(session.deps.ctx, groupId, actor);
  const {
    members: shown,
    total,
    admins,
  } = await listMembers(session.deps.ctx, groupId, actor, {
    limit: MEMBERS_SHOWN,
  });
  const canManage = view.allowed['manage-members'];
  return cardReply(
    'members',
    {
      groupId,
      groupName: view.group.name,
      countLabel:
        `${countOf(total, 'person', 'people')}, ${countOf(admins, 'admin')}` +
        (total > shown.length ? ` (first ${shown.length} shown; the Convene tab lists everyone)` : ''),
      notice: notice.notice,
      noticeColor: notice.color,
      canManage,
      members: shown.map((m) => {
        const self = m.personId === actor.personId;
        const manageThem = m.role === 'admin' ? view.allowed['manage-admins'] : canManage;
        return {
          personId: m.personId,
          label:
            personLabel(m.person) + (m.person.displayName && m.person.phone ? ` (${m.person.phone})` : ''),
          facts: `${roleLabel(m.role)} · ${m.state}${m.external ? ' · external' : ''}`,
          canPromote: view.allowed['manage-admins'] && m.role === 'member',
          canDemote: view.allowed['manage-admins'] && m.role === 'admin' && admins > 1,
          canRemove: manageThem && !self && !(m.role === 'admin' && admins <= 1),
        };
      }),
    },
    `Members of ${view.group.name}.`,
  );
}

/** `promote|demote <phone> in <group>` and the card's role buttons. */
export async function changeRoleReply(
  session: Session,
  ref: GroupRef,
  member: MemberRef | { phone: string },
  role: Role,
): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const resolved = 'phone' in member ? { phone: member.phone, region: await session.region() } : member;
  const { changed } = await changeMemberRole(
    session.deps.ctx,
    { groupId, member: resolved, role },
    await session.actor(),
  );
  const who = 'phone' in member ? member.phone : 'They';
  const notice = changed
    ? `${who} ${'phone' in member ? 'is' : 'are'} now ${role === 'admin' ? 'an admin' : 'a member'}.`
    : `${who} ${'phone' in member ? 'was' : 'were'} already ${role === 'admin' ? 'an admin' : 'a member'}.`;
  return membersReply(session, { id: groupId }, { notice, color: 'Good' });
}

/** `remove <phone> from <group>` and the card's Remove button. */
export async function removeReply(
  session: Session,
  ref: GroupRef,
  member: MemberRef | { phone: string },
): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const resolved = 'phone' in member ? { phone: member.phone, region: await session.region() } : member;
  await removeMember(session.deps.ctx, { groupId, member: resolved }, await session.actor());
  const notice = `${'phone' in member ? member.phone : 'They'} ${'phone' in member ? 'is' : 'are'} no longer in the group.`;
  return membersReply(session, { id: groupId }, { notice, color: 'Good' });
}
