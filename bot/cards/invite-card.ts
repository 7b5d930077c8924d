import * as ACData from 'adaptivecards-templating';
import template from './invite.json';

/** Where the invitation stands, as the card shows it. */
export type InviteCardStatus = 'open' | 'joined' | 'declined' | 'problem';

/** The data `invite.json` is filled with. */
export interface InviteCardData {
  inviteId: string;
  groupName: string;
  parentName: string | null;
  inviterName: string;
  memberCount: number;
  status: InviteCardStatus;
  /** Shown under the facts once the person has answered (or when something is wrong). */
  statusText?: string;
}

const headlines: Record<InviteCardStatus, (d: InviteCardData) => string> = {
  open: (d) => `${d.inviterName} invited you to join ${d.groupName}`,
  joined: (d) => `You joined ${d.groupName}`,
  declined: (d) => `You did not join ${d.groupName} for now`,
  problem: (d) => `Invitation to ${d.groupName}`,
};

/**
 * Parsed once: building a Template parses every `${…}` expression with a full expression grammar,
 * which cost more CPU than everything else in sending an invite (thousands are sent a minute).
 */
const inviteTemplate = new ACData.Template(template);

/** Renders the invite card: one template, one typed data object. */
export function renderInviteCard(data: InviteCardData): Record<string, unknown> {
  const context = {
    $root: {
      ...data,
      headline: headlines[data.status](data),
      statusText: data.statusText ?? '',
      // Formatted here: the template's string() looks the process locale up on every call.
      memberCountText: data.memberCount.toLocaleString('en-US'),
    },
  };
  return inviteTemplate.expand(context) as Record<string, unknown>;
}

/** The card as a message attachment. */
export function inviteCardAttachment(data: InviteCardData): {
  contentType: string;
  content: Record<string, unknown>;
} {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: renderInviteCard(data) };
}
