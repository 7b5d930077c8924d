import { readGroupPhoto } from '../../src/domain/group-photos/read-group-photo';
import { createGroup } from '../../src/domain/groups/create-group';
import { GROUP_NAME_MAX_LENGTH } from '../../src/domain/groups/group';
import { listMyGroups } from '../../src/domain/groups/list-groups';
import { type GroupView, viewGroup } from '../../src/domain/groups/view-group';
import type { ProvisioningState } from '../../src/domain/provisioning/group-provisioning';
import type { GroupCardData } from '../cards/card-data';
import type { Session } from '../session';
import { countOf, roleLabel } from './describe';
import { cardReply, type Reply } from './reply';

const PERSONAL = 'Not yet: add it so the organisation owns its data';

/** An organisation group's Microsoft 365 team, in a word or two (the portal has the details). */
const teamLabels: Record<ProvisioningState, string> = {
  'not-provisioned': 'Not created (the portal can create it)',
  provisioning: 'Being created…',
  provisioned: 'Ready',
  failed: 'Could not be created (see the portal)',
};

/** The card's copy of the photo: a few kilobytes, well inside Teams' 28 KB for a whole card. */
const CARD_PHOTO_SIDE = 96;

/** Teams refuses cards over about 28 KB: a long list is cut here and the rest named. */
const GROUPS_SHOWN = 25;

/** `create group` or `new group` without a name: a card asks for it, its button creates the group. */
export const askGroupNameReply = (): Reply => cardReply('group-name', { maxLength: GROUP_NAME_MAX_LENGTH });

/** `create group <name>`: the sender becomes the new group's admin. */
export async function createGroupReply(session: Session, name: string): Promise<Reply> {
  const group = await createGroup(session.deps.ctx, { name }, await session.actor());
  await session.deps.preferences.rememberGroup(session.turn, group.id);
  return cardReply(
    'group',
    {
      groupId: group.id,
      headline: 'Group created',
      name: group.name,
      roleLabel: 'Admin',
      memberCount: '1',
      organisationLabel: PERSONAL,
      teamLabel: '',
      teamUrl: '',
      canMap: true,
      pendingRequests: 0,
      photoUrl: '',
    },
    `Created ${group.name}.`,
  );
}

/** `groups`: the sender's groups with role, member count and whether each is in an organisation. */
export async function listGroupsReply(session: Session): Promise<Reply> {
  const groups = await listMyGroups(session.deps.ctx, await session.actor());
  const shown = groups.slice(0, GROUPS_SHOWN);
  return cardReply(
    'groups',
    {
      title: groups.length === 0 ? 'Your groups' : `Your groups (${groups.length})`,
      count: groups.length,
      more:
        groups.length > shown.length
          ? `${groups.length - shown.length} more: open one by name (invite ‹group›, members ‹group›) or use the Convene tab.`
          : '',
      groups: shown.map((group) => ({
        groupId: group.id,
        name: group.name,
        facts: [
          roleLabel(group.role),
          countOf(group.memberCount, 'member'),
          group.organisationId ? 'in the organisation' : 'personal',
        ].join(' · '),
      })),
    },
    'Here are your groups.',
  );
}

/** A group's card as the sender sees it now. */
export async function openGroupReply(session: Session, groupId: string, headline = 'Group'): Promise<Reply> {
  const actor = await session.actor();
  const view = await viewGroup(session.deps.ctx, groupId, actor);
  await session.deps.preferences.rememberGroup(session.turn, groupId);
  const photo = view.photoEtag ? await readGroupPhoto(session.deps.ctx, groupId, actor) : undefined;
  const photoUrl = photo
    ? `data:image/jpeg;base64,${Buffer.from(await session.deps.groupPhotos.photos.squareJpeg(photo.bytes, CARD_PHOTO_SIDE)).toString('base64')}`
    : '';
  return cardReply('group', groupCardData(view, headline, photoUrl), `Opened ${view.group.name}.`);
}

export function groupCardData(view: GroupView, headline: string, photoUrl = ''): GroupCardData {
  return {
    groupId: view.group.id,
    headline,
    name: view.group.name,
    roleLabel: roleLabel(view.role),
    memberCount: String(view.memberCount),
    organisationLabel: view.organisation?.displayName ?? PERSONAL,
    teamLabel: view.organisation ? teamLabels[view.provisioning.state] : '',
    teamUrl: view.provisioning.teamUrl ?? '',
    canMap: !view.group.organisationId && view.allowed['map-to-organisation'],
    pendingRequests: view.pendingJoinRequests,
    photoUrl,
  };
}
