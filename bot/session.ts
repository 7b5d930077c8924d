import type { TurnContext } from 'botbuilder';
import type { Actor } from '../src/domain/access/actor';
import { findMyGroup } from '../src/domain/groups/find-my-group';
import type { Group } from '../src/domain/groups/group';
import { inviteUrl as inviteUrlOf } from '../src/domain/invites/invite-link';
import { phoneRegionFor } from '../src/domain/organisations/phone-region';
import { identifyTeamsUser, type TeamsIdentity } from '../src/domain/people/identify-teams-user';
import { localeFrom } from '../src/i18n/locales';
import { type Translator, translatorFor } from '../src/i18n/translator';
import type { BotDeps } from './bot-deps';
import type { CardDataByName, CardName } from './cards/card-data';
import { cardReply, type Reply } from './handlers/reply';

/** How a command or button names a group: by id (buttons) or by name as typed (null: not given). */
export type GroupRef = { id: string } | { name: string | null };

/** One turn's view of the sender: who they are, their preferences, the groups they mean. */
export class Session {
  private actorOnce?: Promise<Actor>;
  /** The sender's words, dates and numbers: the language Teams reports for this activity. */
  readonly words: Translator;

  constructor(
    readonly deps: BotDeps,
    readonly turn: TurnContext,
    readonly identity: TeamsIdentity,
  ) {
    this.words = translatorFor(localeFrom(turn.activity.locale));
  }

  /** A card reply in the sender's language. */
  card<K extends CardName>(name: K, data: CardDataByName[K], ack?: string): Reply {
    return cardReply(name, data, ack, this.words);
  }

  /** The sender as an actor, created on first contact. */
  actor(): Promise<Actor> {
    this.actorOnce ??= identifyTeamsUser(this.deps.ctx, this.identity);
    return this.actorOnce;
  }

  /** The group id a command means; remembered as the sender's most recent group. */
  async groupId(ref: GroupRef): Promise<string> {
    const id = 'id' in ref ? ref.id : (await this.findGroup(ref.name)).id;
    await this.deps.preferences.rememberGroup(this.turn, id);
    return id;
  }

  private async findGroup(name: string | null): Promise<Group> {
    const { recentGroupIds } = await this.deps.preferences.get(this.turn);
    return findMyGroup(this.deps.ctx, { name, recentGroupIds }, await this.actor());
  }

  /** Region for phone numbers without a country code (the rule: `phoneRegionFor`). */
  async region(): Promise<string> {
    const chosen = (await this.deps.preferences.get(this.turn)).region;
    return phoneRegionFor(this.deps.ctx, await this.actor(), {
      chosen,
      deploymentDefault: this.deps.defaultRegion,
    });
  }

  /** The invite URL for a token. */
  inviteUrl(token: string): string {
    return inviteUrlOf(this.deps.publicBaseUrl(), token);
  }
}
