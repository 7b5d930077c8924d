import type { InviteCardActivity, InviteCardContent } from '../../src/domain/invites/invite-card';
import { localeFrom } from '../../src/i18n/locales';
import { translatorFor } from '../../src/i18n/translator';
import { inviteCardAttachment } from '../cards/invite-card';

/**
 * The proactive message carrying a fresh invite card (the delivery worker is given this), in the
 * person's last known Teams language (English for someone Convene has not heard from yet).
 */
export function renderInviteActivity(content: InviteCardContent): InviteCardActivity {
  const words = translatorFor(localeFrom(content.locale));
  const card = inviteCardAttachment(
    {
      inviteId: content.inviteId,
      groupName: content.groupName,
      parentName: content.parentName,
      inviterName: content.inviterName ?? 'Convene',
      memberCount: content.memberCount,
      status: 'open',
    },
    words,
  );
  return {
    type: 'message',
    summary: words.t('bot.invite.summary', { groupName: content.groupName }),
    attachments: [card],
  };
}
