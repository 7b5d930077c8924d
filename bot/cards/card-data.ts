import type { AnnounceComposeCardData, AnnouncePreviewCardData } from './announce-card-data';
/**
 * The data each card template is filled with, one interface per `bot/cards/<name>.json`.
 * The tab can preview the same templates with the same shapes.
 */

export interface WelcomeCardData {
  /** '' when Teams did not say who it is (the welcome then greets without a name). */
  userName: string;
  named: 'yes' | 'no';
  commands: Array<{ usage: string; meaning: string }>;
}

/** `create group` without a name: the card asks for it (its Create button is the `group.create` verb). */
export interface GroupNameCardData {
  maxLength: number;
}

export interface GroupCardData {
  groupId: string;
  /** What just happened, e.g. "Group created". */
  headline: string;
  name: string;
  roleLabel: string;
  /** Text, not a number: a FactSet shows only string values. */
  memberCount: string;
  organisationLabel: string;
  /** Where its Microsoft 365 team stands, e.g. "Ready" (shown for organisation groups only); '' for none. */
  teamLabel: string;
  /** The team's link in Teams ("Open in Teams"); '' while there is none. */
  teamUrl: string;
  /** Whether "Add to organisation" is offered: a personal group, and the viewer is its admin. */
  canMap: boolean;
  /** Join requests waiting for the viewer's answer (a "Requests to join" button when above 0). */
  pendingRequests: number;
  /** The group's photo as a small JPEG data URL (cards must stay small); '' when it has none. */
  photoUrl: string;
}

export interface GroupsCardData {
  title: string;
  count: number;
  /** Said under the list when it was cut short; '' otherwise. */
  more: string;
  groups: Array<{ groupId: string; name: string; facts: string }>;
}

export interface InviteLinkCardData {
  groupId: string;
  groupName: string;
  url: string;
  whoMayJoin: string;
  expires: string;
  usesLeft: string;
  /** Shown in green at the top after a change ("Link reset: the old link no longer works."); '' for none. */
  notice: string;
  /** Current settings, pre-filled in "Link settings". */
  expiresInDays: number;
  /** null: no limit, and the field is left empty (a value of "" shows as 0 in some clients). */
  maxUses: number | null;
  organisationAccountsOnly: 'true' | 'false';
  canLimitToOrganisation: boolean;
  /** Shown in orange when an organisation group's link is open to anyone; '' otherwise. */
  openWarning: string;
  /** Whether an admin approves each join, in words, and as the toggle's pre-filled value. */
  approval: string;
  approvalRequired: 'true' | 'false';
}

export interface PosterCardData {
  groupName: string;
  inviteUrl: string;
  /** The QR code of the invite link as a data: URL, so the card needs no public image host. */
  qrImage: string;
  validUntil: string;
  pdfUrl: string;
  pngUrl: string;
  /** The rollout kit's printables (group admins' poster, activation desk), opened with the same link. */
  kit: Array<{ title: string; url: string }>;
}

export interface SlipsCardData {
  groupName: string;
  /** Text, not a number: a FactSet shows only string values. */
  people: string;
  validFor: string;
  /** One short-lived download per part of at most 500 slips (a card shows at most six buttons). */
  downloads: Array<{ title: string; url: string }>;
  /** Said when there are more parts than buttons; '' otherwise. */
  notice: string;
}

export interface AddResultCardData {
  groupId: string;
  groupName: string;
  summary: string;
  /** The role the added people got ("Added as admins"). */
  role: 'admin' | 'member';
  added: Array<{ label: string }>;
  already: Array<{ label: string }>;
  invalid: Array<{ input: string; reason: string }>;
}

export interface MembersCardData {
  groupId: string;
  groupName: string;
  countLabel: string;
  notice: string;
  noticeColor: 'Good' | 'Attention' | 'Default';
  canManage: boolean;
  members: Array<{
    personId: string;
    label: string;
    facts: string;
    canPromote: boolean;
    canDemote: boolean;
    canRemove: boolean;
  }>;
}

export interface JoinRequestsCardData {
  groupId: string;
  groupName: string;
  /** "2 requests waiting" or "No requests waiting". */
  countLabel: string;
  count: number;
  /** What the last button did ("Approved Ravi."); '' for none. */
  notice: string;
  requests: Array<{ requestId: string; label: string; facts: string }>;
}

/** "Add ‹group› to ‹organisation›?" with Confirm / Cancel, before a mapping that can't be undone. */
export interface MapConfirmCardData {
  groupId: string;
  groupName: string;
  organisationName: string;
}

export interface MappedCardData {
  groupId: string;
  groupName: string;
  organisationName: string;
}

/** Template name → the data it takes. */
export interface CardDataByName {
  welcome: WelcomeCardData;
  group: GroupCardData;
  'group-name': GroupNameCardData;
  groups: GroupsCardData;
  'invite-link': InviteLinkCardData;
  'add-result': AddResultCardData;
  members: MembersCardData;
  mapped: MappedCardData;
  'map-confirm': MapConfirmCardData;
  'join-requests': JoinRequestsCardData;
  poster: PosterCardData;
  slips: SlipsCardData;
  'announce-compose': AnnounceComposeCardData;
  'announce-preview': AnnouncePreviewCardData;
}

export type CardName = keyof CardDataByName;
