import {
  cancelAnnouncementReply,
  editAnnouncementReply,
  previewAnnouncementReply,
  sendAnnouncementReply,
} from '../handlers/announce-handlers';
import {
  acknowledgeAnnouncementReply,
  refreshAnnouncementReply,
} from '../handlers/announcement-card-handlers';
import { createGroupReply, listGroupsReply, openGroupReply } from '../handlers/group-handlers';
import { answerInviteCardReply, refreshInviteCardReply } from '../handlers/invite-card-handlers';
import { inviteReply, resetLinkReply, saveLinkSettingsReply } from '../handlers/invite-handlers';
import { decideJoinRequestsReply, joinRequestsReply } from '../handlers/join-request-handlers';
import { cancelMapReply, confirmMapReply, mapReply } from '../handlers/map-handlers';
import { addFromCardReply, changeRoleReply, membersReply, removeReply } from '../handlers/member-handlers';
import type { Reply } from '../handlers/reply';
import type { Session } from '../session';
import { text } from './card-text';

/**
 * Where a button's answer goes: `replace` updates the pressed card in place (its own state changed:
 * link reset, member added, group mapped); `post` sends a new card and leaves the pressed one as it was.
 */
export type Placement = 'replace' | 'post';

/**
 * How a refusal is answered: `note` shows its words as the button's short reply (the person can act on
 * them in the chat); `card-error` answers with the refusal's code and status, which Teams shows on the
 * card itself (the employee invite card, which may be the only thing the person ever sees of Convene).
 */
export type RefusalPlacement = 'note' | 'card-error';

export interface CardAction {
  placement: Placement;
  /** `note` unless said. */
  refusal?: RefusalPlacement;
  handle(session: Session, data: Record<string, unknown>): Promise<Reply>;
}

/** Convene's own buttons, by Action.Execute verb. */
export const cardActions: Readonly<Record<string, CardAction>> = {
  'group.create': { placement: 'post', handle: (s, d) => createGroupReply(s, text(d.name)) },
  'groups.list': { placement: 'post', handle: (s) => listGroupsReply(s) },
  'group.open': { placement: 'post', handle: (s, d) => openGroupReply(s, text(d.groupId)) },
  'group.invite': { placement: 'post', handle: (s, d) => inviteReply(s, { id: text(d.groupId) }) },
  'group.members': { placement: 'post', handle: (s, d) => membersReply(s, { id: text(d.groupId) }) },
  'group.map': { placement: 'replace', handle: (s, d) => mapReply(s, { id: text(d.groupId) }) },
  'group.map.confirm': { placement: 'replace', handle: (s, d) => confirmMapReply(s, text(d.groupId)) },
  'group.map.cancel': { placement: 'replace', handle: (s, d) => cancelMapReply(s, text(d.groupId)) },
  'group.requests': { placement: 'post', handle: (s, d) => joinRequestsReply(s, { id: text(d.groupId) }) },
  'request.approve': {
    placement: 'replace',
    handle: (s, d) => decideJoinRequestsReply(s, text(d.groupId), 'approve', text(d.requestId)),
  },
  'request.decline': {
    placement: 'replace',
    handle: (s, d) => decideJoinRequestsReply(s, text(d.groupId), 'decline', text(d.requestId)),
  },
  'announce.preview': { placement: 'replace', handle: (s, d) => previewAnnouncementReply(s, d) },
  'announce.edit': { placement: 'replace', handle: (s, d) => editAnnouncementReply(s, d) },
  'announce.send': { placement: 'replace', handle: (s, d) => sendAnnouncementReply(s, d) },
  'announce.cancel': { placement: 'replace', handle: (s, d) => cancelAnnouncementReply(s, d) },
  'link.reset': { placement: 'replace', handle: (s, d) => resetLinkReply(s, text(d.groupId)) },
  'link.save': { placement: 'replace', handle: (s, d) => saveLinkSettingsReply(s, text(d.groupId), d) },
  'members.add': { placement: 'replace', handle: (s, d) => addFromCardReply(s, text(d.groupId), d) },
  'member.promote': {
    placement: 'replace',
    handle: (s, d) => changeRoleReply(s, { id: text(d.groupId) }, { personId: text(d.personId) }, 'admin'),
  },
  'member.demote': {
    placement: 'replace',
    handle: (s, d) => changeRoleReply(s, { id: text(d.groupId) }, { personId: text(d.personId) }, 'member'),
  },
  'member.remove': {
    placement: 'replace',
    handle: (s, d) => removeReply(s, { id: text(d.groupId) }, { personId: text(d.personId) }),
  },
  // The employee invite card (Join / Not now), sent proactively by the delivery worker.
  'invite.join': {
    placement: 'replace',
    refusal: 'card-error',
    handle: (s, d) => answerInviteCardReply(s, text(d.inviteId), 'join'),
  },
  'invite.decline': {
    placement: 'replace',
    refusal: 'card-error',
    handle: (s, d) => answerInviteCardReply(s, text(d.inviteId), 'decline'),
  },
  'invite.refresh': {
    placement: 'replace',
    refusal: 'card-error',
    handle: (s, d) => refreshInviteCardReply(s, text(d.inviteId)),
  },
  // A member's copy of an announcement (Acknowledge, and Teams' refresh), sent by the delivery worker.
  'announcement.acknowledge': {
    placement: 'replace',
    refusal: 'card-error',
    handle: (s, d) => acknowledgeAnnouncementReply(s, text(d.deliveryId)),
  },
  'announcement.refresh': {
    placement: 'replace',
    refusal: 'card-error',
    handle: (s, d) => refreshAnnouncementReply(s, text(d.deliveryId)),
  },
};
