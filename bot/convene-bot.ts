import { ActivityHandler, type TurnContext } from 'botbuilder';
import { listMyGroups } from '../src/domain/groups/list-groups';
import { identifyTeamsUser } from '../src/domain/people/identify-teams-user';
import type { DomainContext } from '../src/domain/shared/unit-of-work.port';

/**
 * Convene's bot: the group admin's way in. This first version greets people and lists their groups;
 * group commands and cards build on it.
 */
export class ConveneBot extends ActivityHandler {
  constructor(private readonly ctx: DomainContext) {
    super();
    this.onMessage(async (turn, next) => {
      await this.answer(turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      const botId = turn.activity.recipient?.id;
      if ((turn.activity.membersAdded ?? []).some((member) => member.id !== botId)) {
        await turn.sendActivity(
          'Welcome to Convene. I help you move your work chat groups into Microsoft Teams. Say "groups" to see yours.',
        );
      }
      await next();
    });
  }

  private async answer(turn: TurnContext): Promise<void> {
    const tenantId = turn.activity.conversation?.tenantId ?? turn.activity.channelData?.tenant?.id;
    const aadObjectId = turn.activity.from?.aadObjectId;
    if (!tenantId || !aadObjectId) {
      await turn.sendActivity(
        'Convene works with Microsoft 365 accounts. Open me in Microsoft Teams to continue.',
      );
      return;
    }
    const actor = await identifyTeamsUser(this.ctx, {
      tenantId,
      aadObjectId,
      displayName: turn.activity.from.name ?? null,
    });
    const groups = await listMyGroups(this.ctx, actor);
    const listing =
      groups.length === 0
        ? 'You are not in any Convene group yet.'
        : `Your groups: ${groups.map((g) => `${g.name} (${g.role}, ${g.memberCount} members)`).join('; ')}.`;
    await turn.sendActivity(`Hi ${actor.displayName ?? 'there'}. ${listing}`);
  }
}
