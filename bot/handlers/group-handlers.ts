import { readGroupPhoto } from '../../src/domain/group-photos/read-group-photo';
import { createGroup } from '../../src/domain/groups/create-group';
import { GROUP_NAME_MAX_LENGTH } from '../../src/domain/groups/group';
import { listMyGroups } from '../../src/domain/groups/list-groups';
import { type GroupView, viewGroup } from '../../src/domain/groups/view-group';
import type { Translator } from '../../src/i18n/translator';
import type { GroupCardData } from '../cards/card-data';
import type { Session } from '../session';
import { roleLabel } from './describe';
import type { Reply } from './reply';

/** The card's copy of the photo: a few kilobytes, well inside Teams' 28 KB for a whole card. */
const CARD_PHOTO_SIDE = 96;

/** Teams refuses cards over about 28 KB: a long list is cut here and the rest named. */
const GROUPS_SHOWN = 25;

/** `create group` or `new group` without a name: a card asks for it, its button creates the group. */
export const askGroupNameReply = (session: Session): Reply =>
  session.card('group-name', { maxLength: GROUP_NAME_MAX_LENGTH });

/** `create group <name>`: the sender becomes the new group's admin. */
export async function createGroupReply(session: Session, name: string): Promise<Reply> {
  const group = await createGroup(session.deps.ctx, { name }, await session.actor());
  await session.deps.preferences.rememberGroup(session.turn, group.id);
  const { words } = session;
  return session.card(
    'group',
    {
      groupId: group.id,
      headline: words.t('bot.group.created'),
      name: group.name,
      roleLabel: roleLabel('admin', words),
      memberCount: words.number(1),
      organisationLabel: words.t('bot.group.personal'),
      teamLabel: '',
      teamUrl: '',
      canMap: true,
      pendingRequests: 0,
      photoUrl: '',
    },
    words.t('bot.group.createdAck', { name: group.name }),
  );
}

/** `groups`: the sender's groups with role, member count and whether each is in an organisation. */
export async function listGroupsReply(session: Session): Promise<Reply> {
  const groups = await listMyGroups(session.deps.ctx, await session.actor());
  const shown = groups.slice(0, GROUPS_SHOWN);
  const { words } = session;
  return session.card(
    'groups',
    {
      title: words.t('bot.groups.title', { count: groups.length }),
      count: groups.length,
      more:
        groups.length > shown.length
          ? words.t('bot.groups.more', { count: groups.length - shown.length })
          : '',
      groups: shown.map((group) => ({
        groupId: group.id,
        name: group.name,
        facts: [
          roleLabel(group.role, words),
          words.t('common.members', { count: group.memberCount }),
          words.t(group.organisationId ? 'bot.groups.inOrganisation' : 'bot.groups.personal'),
        ].join(' · '),
      })),
    },
    words.t('bot.groups.ack'),
  );
}

/** A group's card as the sender sees it now. */
export async function openGroupReply(
  session: Session,
  groupId: string,
  headline = session.words.t('bot.group.headline'),
): Promise<Reply> {
  const actor = await session.actor();
  const view = await viewGroup(session.deps.ctx, groupId, actor);
  await session.deps.preferences.rememberGroup(session.turn, groupId);
  const photo = view.photoEtag ? await readGroupPhoto(session.deps.ctx, groupId, actor) : undefined;
  const photoUrl = photo
    ? `data:image/jpeg;base64,${Buffer.from(await session.deps.groupPhotos.photos.squareJpeg(photo.bytes, CARD_PHOTO_SIDE)).toString('base64')}`
    : '';
  return session.card(
    'group',
    groupCardData(view, session.words, headline, photoUrl),
    session.words.t('bot.group.openedAck', { name: view.group.name }),
  );
}

export function groupCardData(
  view: GroupView,
  words: Translator,
  headline: string,
  photoUrl = '',
): GroupCardData {
  return {
    groupId: view.group.id,
    headline,
    name: view.group.name,
    roleLabel: roleLabel(view.role, words),
    memberCount: words.number(view.memberCount),
    organisationLabel: view.organisation?.displayName ?? words.t('bot.group.personal'),
    // An organisation group's Microsoft 365 team, in a word or two (the portal has the details).
    teamLabel: view.organisation ? words.t('bot.group.team', { state: view.provisioning.state }) : '',
    teamUrl: view.provisioning.teamUrl ?? '',
    canMap: !view.group.organisationId && view.allowed['map-to-organisation'],
    pendingRequests: view.pendingJoinRequests,
    photoUrl,
  };
}
