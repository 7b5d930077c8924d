import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { handleAnnouncementCardAction } from '../announcement-card/handle-announcement-card-action';
import {
  editAnnouncementReply,
  previewAnnouncementReply,
  sendAnnouncementReply,
} from '../handlers/announce-handlers';
import { createGroupReply, listGroupsReply, openGroupReply } from '../handlers/group-handlers';
import { inviteReply, resetLinkReply, saveLinkSettingsReply } from '../handlers/invite-handlers';
import { decideJoinRequestsReply, joinRequestsReply } from '../handlers/join-request-handlers';
import { cancelMapReply, confirmMapReply, mapReply } from '../handlers/map-handlers';
import { addFromCardReply, changeRoleReply, membersReply, removeReply } from '../handlers/member-handlers';
import type { Reply } from '../handlers/reply';
import { handleInviteCardAction } from '../invite-card/handle-invite-card-action';
import type { Session } from '../session';

/**
 * Where a button's answer goes: `replace` updates the pressed card in place (its own state changed:
 * link reset, member added, group mapped); `post` sends a new card and leaves the pressed one as it was.
 */
export type Placement = 'replace' | 'post';

export interface CardAction {
  placement: Placement;
  handle(session: Session, data: Record<string, unknown>): Promise<Reply>;
}

/** Card data fields arrive from the client: only non-empty strings are trusted as ids. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

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
};

/** Buttons on cards other modules own, by verb prefix; they answer the invoke themselves. */
export type DelegatedCardAction = (
  turn: TurnContext,
  verb: string,
  data: unknown,
) => Promise<AdaptiveCardInvokeResponse>;

export const delegatedCardActions: ReadonlyArray<[prefix: string, handler: DelegatedCardAction]> = [
  // The employee invite card (Join / Not now), owned by bot/invite-card.
  ['invite.', handleInviteCardAction],
  // A member's copy of an announcement (Acknowledge, and Teams' refresh), owned by bot/announcement-card.
  ['announcement.', handleAnnouncementCardAction],
];
