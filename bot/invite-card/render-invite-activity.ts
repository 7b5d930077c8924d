import type { InviteCardActivity, InviteCardContent } from '../../src/domain/invites/invite-card';
import { inviteCardAttachment } from '../cards/invite-card';

/** The proactive message carrying a fresh invite card (the delivery worker is given this). */
export function renderInviteActivity(content: InviteCardContent): InviteCardActivity {
  const card = inviteCardAttachment({
    inviteId: content.inviteId,
    groupName: content.groupName,
    parentName: content.parentName,
    inviterName: content.inviterName ?? 'Convene',
    memberCount: content.memberCount,
    status: 'open',
  });
  return {
    type: 'message',
    summary: `You're invited to ${content.groupName}`,
    attachments: [card],
  };
}
