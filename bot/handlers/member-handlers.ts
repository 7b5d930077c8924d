import { viewGroup } from '../../src/domain/groups/view-group';
import { type AddMemberResult, addMembersByPhone } from '../../src/domain/memberships/add-members-by-phone';
import { changeMemberRole } from '../../src/domain/memberships/change-member-role';
import { listMembers } from '../../src/domain/memberships/list-members';
import type { MemberRef } from '../../src/domain/memberships/member-ref';
import type { Role } from '../../src/domain/memberships/membership';
import { removeMember } from '../../src/domain/memberships/remove-member';
import { personLabel } from '../../src/domain/people/person';
import { splitPhoneList } from '../../src/domain/people/phone-number';
import { errorWords } from '../../src/i18n/error-words';
import type { Translator } from '../../src/i18n/translator';
import type { MembersCardData } from '../cards/card-data';
import type { GroupRef, Session } from '../session';
import { ltr, roleLabel } from './describe';
import type { Reply } from './reply';

/** A members card shows this many people; the tab lists everyone. */
const MEMBERS_SHOWN = 50;

/**
 * An add's card lists this many numbers per outcome: thousands can be added at once, and Teams refuses
 * a message over about 28 KB. The summary line counts them all.
 */
const OUTCOMES_SHOWN = 30;

/** The first OUTCOMES_SHOWN items, then one that says how many more there are. */
function firstOf<T>(items: T[], more: (count: number) => T): T[] {
  if (items.length <= OUTCOMES_SHOWN) return items;
  return [...items.slice(0, OUTCOMES_SHOWN), more(items.length - OUTCOMES_SHOWN)];
}

/** Says what an add did, in one line: "2 added · 1 already a member · 1 not added." */
export function addSummary(results: AddMemberResult[], words: Translator): string {
  const count = (outcome: AddMemberResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const already = count('already-member');
  const invalid = count('invalid');
  const parts = [
    words.t('bot.add.added', { count: count('added') }),
    ...(already > 0 ? [words.t('bot.add.already', { count: already })] : []),
    ...(invalid > 0 ? [words.t('bot.add.notAdded', { count: invalid })] : []),
  ];
  return `${parts.join(' · ')}.`;
}

/** Why a number was not added, in the reader's words (by the refusal's code). */
const reasonOf = (
  r: { code: string; reason: string; details: Record<string, unknown> },
  words: Translator,
): string => errorWords({ code: r.code, message: r.reason, details: r.details }, words);

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
  const { words } = session;
  const label = (r: AddMemberResult) => ltr(r.outcome === 'invalid' ? r.input : r.phone, words);
  const more = (count: number) => ({ label: words.t('bot.add.andMoreItem', { count }) });
  return session.card('add-result', {
    groupId,
    groupName: group.name,
    summary: addSummary(results, words),
    role,
    added: firstOf(
      results.filter((r) => r.outcome === 'added').map((r) => ({ label: label(r) })),
      more,
    ),
    already: firstOf(
      results.filter((r) => r.outcome === 'already-member').map((r) => ({ label: label(r) })),
      more,
    ),
    invalid: firstOf(
      results.flatMap((r) =>
        r.outcome === 'invalid' ? [{ input: ltr(r.input, words), reason: reasonOf(r, words) }] : [],
      ),
      (count) => ({ input: '…', reason: words.t('bot.add.andMoreReason', { count }) }),
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
  const { words } = session;
  const invalid = results.flatMap((r) => (r.outcome === 'invalid' ? [reasonOf(r, words)] : []));
  const notice = [
    addSummary(results, words),
    ...firstOf(invalid, (count) => words.t('bot.add.andMoreSentence', { count })),
  ].join(' ');
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
  const { words } = session;
  return session.card(
    'members',
    {
      groupId,
      groupName: view.group.name,
      countLabel: words.t(total > shown.length ? 'bot.members.countFirst' : 'bot.members.count', {
        people: total,
        admins,
        shown: shown.length,
      }),
      notice: notice.notice,
      noticeColor: notice.color,
      canManage,
      members: shown.map((m) => {
        const self = m.personId === actor.personId;
        const manageThem = m.role === 'admin' ? view.allowed['manage-admins'] : canManage;
        return {
          personId: m.personId,
          label:
            m.person.displayName && m.person.phone
              ? `${m.person.displayName} (${ltr(m.person.phone, words)})`
              : (m.person.displayName ?? ltr(personLabel(m.person), words)),
          facts: [
            roleLabel(m.role, words),
            words.t('bot.members.state', { state: m.state }),
            ...(m.external ? [words.t('bot.members.external')] : []),
          ].join(' · '),
          canPromote: view.allowed['manage-admins'] && m.role === 'member',
          canDemote: view.allowed['manage-admins'] && m.role === 'admin' && admins > 1,
          canRemove: manageThem && !self && !(m.role === 'admin' && admins <= 1),
        };
      }),
    },
    words.t('bot.members.ack', { name: view.group.name }),
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
  const { words } = session;
  const phone = 'phone' in member ? ltr(member.phone, words) : null;
  const notice = phone
    ? words.t(changed ? 'bot.members.phoneNow' : 'bot.members.phoneAlready', { phone, role })
    : words.t(changed ? 'bot.members.theyNow' : 'bot.members.theyAlready', { role });
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
  const { words } = session;
  const notice =
    'phone' in member
      ? words.t('bot.members.phoneRemoved', { phone: ltr(member.phone, words) })
      : words.t('bot.members.theyRemoved');
  return membersReply(session, { id: groupId }, { notice, color: 'Good' });
}
