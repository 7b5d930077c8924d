import type { ConnectorActivity } from './bot-connector-client';

/** What an invite card says; the bot layer turns it into the Adaptive Card. */
export interface InviteCardContent {
  inviteId: string;
  groupId: string;
  groupName: string;
  parentName: string | null;
  inviterName: string | null;
  memberCount: number;
}

/** Renders the card activity (injected from the composition root: infra does not import bot/). */
export type RenderInviteActivity = (content: InviteCardContent) => ConnectorActivity;
