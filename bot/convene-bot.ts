import {
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Storage,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { recordReadReceipt } from '../src/domain/announcements/answer-announcement';
import type { StandingTokens } from '../src/domain/invites/standing-invite-link';
import type { DomainContext } from '../src/domain/shared/unit-of-work.port';
import type { SlipTickets } from '../src/domain/slips/slips.ports';
import { errorWords } from '../src/i18n/error-words';
import { localeFrom } from '../src/i18n/locales';
import { type Translator, translatorFor } from '../src/i18n/translator';
import { httpStatusOf } from '../src/server/http-errors';
import type { BotDeps, BotGroupPhotos } from './bot-deps';
import { cardActions } from './card-actions/card-action-table';
import { parseCommand } from './commands/parse-command';
import { runCommand } from './commands/run-command';
import { isDomainError, wordsFor } from './error-words';
import { helpReply } from './handlers/help-handlers';
import { mapAfterSignIn } from './handlers/map-handlers';
import type { Reply } from './handlers/reply';
import { Session } from './session';
import { DEFAULT_OAUTH_CONNECTION, MAP_SIGN_IN_DIALOG, MapSignInDialog } from './sign-in/map-sign-in-dialog';
import { readTokenClaims } from './sign-in/token-claims';
import { LocaleMemory } from './state/locale-memory';
import { OptimisticConversationState } from './state/optimistic-conversation-state';
import { UserPreferences } from './state/user-preferences';
import { type IdentityTrust, teamsIdentityOf, type UntrustedSender, untrustedSender } from './turn-identity';

export interface ConveneBotOptions {
  ctx: DomainContext;
  /** The tokens of standing invite links, shared with the rollout routes (the poster card shows one). */
  standingTokens: StandingTokens;
  /** Signs the short-lived download links of the `slips` card. */
  slipTickets: SlipTickets;
  /** Where conversation and user state live (the database, with eTag concurrency). */
  storage: Storage;
  mode: 'local' | 'tenant';
  publicBaseUrl: () => string;
  defaultRegion: string;
  /** Local mode: the configured tenant and the name of its organisation. */
  localOrganisation?: { tenantId: string; name: string } | null;
  oauthConnectionName?: string;
  /** Tenant mode: the tenants whose Teams users the bot serves (none unless named). */
  allowedTenants?: readonly string[] | '*';
  /** Group photos: reading pictures, and fetching those pasted into the chat. */
  groupPhotos: BotGroupPhotos;
}

const REFUSALS = {
  channel: { code: 'TEAMS_ACCOUNT_REQUIRED', words: 'bot.refusal.notInTeams' },
  tenant: { code: 'TENANT_NOT_ALLOWED', words: 'bot.refusal.tenant' },
} as const satisfies Record<Exclude<UntrustedSender, null>, { code: string; words: string }>;

/** The words, dates and numbers of the language the activity's Teams client speaks. */
const wordsOf = (turn: TurnContext): Translator => translatorFor(localeFrom(turn.activity.locale));
const MAGIC_CODE = /^\d{6}$/;

/**
 * Convene's bot: the group admin's way in. Chat commands and card buttons call the same handlers;
 * each handler calls one use case and renders one card.
 */
export class ConveneBot extends TeamsActivityHandler {
  private readonly deps: BotDeps;
  private readonly conversationState: OptimisticConversationState | null = null;
  private readonly trust: IdentityTrust;
  private readonly locales: LocaleMemory;

  constructor(options: ConveneBotOptions) {
    super();
    this.trust = { mode: options.mode, allowedTenants: options.allowedTenants ?? [] };
    this.locales = new LocaleMemory(options.ctx);
    let signIn: BotDeps['signIn'] = null;
    if (options.mode === 'tenant') {
      this.conversationState = new OptimisticConversationState(options.storage);
      const dialogState = this.conversationState.createProperty<DialogState>('dialogState');
      const dialogs = new DialogSet(dialogState);
      dialogs.add(
        new MapSignInDialog(options.oauthConnectionName ?? DEFAULT_OAUTH_CONNECTION, (turn, groupId, token) =>
          this.afterSignIn(turn, groupId, token),
        ),
      );
      signIn = { dialogs, dialogState, dialogId: MAP_SIGN_IN_DIALOG };
    }
    this.deps = {
      ctx: options.ctx,
      standingTokens: options.standingTokens,
      slipTickets: options.slipTickets,
      mode: options.mode,
      publicBaseUrl: options.publicBaseUrl,
      defaultRegion: options.defaultRegion,
      preferences: new UserPreferences(options.storage),
      groupPhotos: options.groupPhotos,
      localOrganisation: options.mode === 'local' ? (options.localOrganisation ?? null) : null,
      signIn,
    };

    // Teams' read receipts for the bot's personal chats: announcements up to the last read message were seen.
    this.onTeamsReadReceiptEvent(async (receipt, turn, next) => {
      const conversation = turn.activity.conversation;
      if (
        untrustedSender(turn.activity, this.trust) === null &&
        conversation?.conversationType !== 'channel'
      ) {
        await recordReadReceipt(this.deps.ctx, {
          conversationId: conversation?.id ?? '',
          lastReadMessageId: String(receipt?.lastReadMessageId ?? ''),
        });
      }
      await next();
    });
    this.onMessage(async (turn, next) => {
      await this.onChatMessage(turn);
      await next();
    });
    this.onInstallationUpdateAdd(async (turn, next) => {
      await this.welcome(turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      if ((turn.activity.membersAdded ?? []).length > 0) await this.welcome(turn);
      await next();
    });
  }

  /** Runs the turn, then saves what it changed with the eTags it read. */
  override async run(turn: TurnContext): Promise<void> {
    const untrusted = untrustedSender(turn.activity, this.trust);
    if (untrusted) {
      const refusal = REFUSALS[untrusted];
      await refuse(turn, { code: refusal.code, words: wordsOf(turn).t(refusal.words) });
      return;
    }
    await super.run(turn);
    // A language not recorded only means a later invite card in English: never fail the turn for it.
    await this.locales.remember(turn).catch(() => {});
    await this.deps.preferences.commit(turn);
    await this.conversationState?.saveChanges(turn);
  }

  private async onChatMessage(turn: TurnContext): Promise<void> {
    const text = (TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? '').trim();
    const identity = teamsIdentityOf(turn);
    if (!identity) {
      await turn.sendActivity(wordsOf(turn).t('bot.refusal.notInTeams'));
      return;
    }
    if (MAGIC_CODE.test(text) && (await this.continueSignIn(turn))) return;
    // Our cards use Action.Execute; a bare Action.Submit payload from an old client has no command in it.
    if (text === '' && turn.activity.value) return;
    const command = parseCommand(text);
    const session = new Session(this.deps, turn, identity);
    if ((await this.deps.preferences.claimWelcome(turn)) || command.kind === 'help') {
      await send(turn, helpReply(identity.displayName, session.words));
      if (command.kind === 'help' || text === '') return;
    }
    try {
      await send(turn, await runCommand(session, command));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await turn.sendActivity(wordsFor(error, session.words));
    }
  }

  private async welcome(turn: TurnContext): Promise<void> {
    if (!(await this.deps.preferences.claimWelcome(turn))) return;
    await send(turn, helpReply(await nameOf(turn), wordsOf(turn)));
  }

  /** Action.Execute from any card, looked up by verb in the one card-action table. */
  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    const action = cardActions[verb];
    const words = wordsOf(turn);
    if (!action) {
      return errorResponse(
        400,
        'CARD_ACTION_UNKNOWN',
        words.t('bot.refusal.unknownButton', { verb: verb || '–' }),
      );
    }
    const identity = teamsIdentityOf(turn);
    if (!identity) return errorResponse(401, 'TEAMS_ACCOUNT_REQUIRED', words.t('bot.refusal.notInTeams'));
    try {
      const reply = await action.handle(new Session(this.deps, turn, identity), data);
      if (action.placement === 'replace' && reply.card) {
        return {
          statusCode: 200,
          type: 'application/vnd.microsoft.card.adaptive',
          value: reply.card.content,
        };
      }
      if (reply.card || reply.text) await send(turn, reply);
      return messageResponse(reply.ack ?? words.t('bot.done'));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return action.refusal === 'card-error'
        ? errorResponse(httpStatusOf(error), error.code, errorWords(error, words))
        : messageResponse(wordsFor(error, words));
    }
  }

  /** Teams finished the sign-in card (tenant mode): the waiting dialog carries on. */
  protected override async handleTeamsSigninVerifyState(turn: TurnContext): Promise<void> {
    await this.continueSignIn(turn);
  }

  /** Teams SSO: the client exchanged a token silently (tenant mode). */
  protected override async handleTeamsSigninTokenExchange(turn: TurnContext): Promise<void> {
    await this.continueSignIn(turn);
  }

  private async continueSignIn(turn: TurnContext): Promise<boolean> {
    if (!this.deps.signIn) return false;
    const dialogs = await this.deps.signIn.dialogs.createContext(turn);
    if (!dialogs.activeDialog) return false;
    await dialogs.continueDialog();
    return true;
  }

  private async afterSignIn(turn: TurnContext, groupId: string, token: string): Promise<void> {
    const identity = teamsIdentityOf(turn);
    if (!identity) {
      await turn.sendActivity(wordsOf(turn).t('bot.refusal.notInTeams'));
      return;
    }
    const session = new Session(this.deps, turn, identity);
    try {
      await send(turn, await mapAfterSignIn(session, groupId, readTokenClaims(token)));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await turn.sendActivity(wordsFor(error, session.words));
    }
  }
}

/**
 * The sender's name for the welcome. Installation and membership updates usually carry no name,
 * so ask the channel (Teams and the Agents Playground both answer); without one, greet plainly.
 */
async function nameOf(turn: TurnContext): Promise<string | null> {
  const from = turn.activity.from;
  if (from?.name) return from.name;
  if (!from?.id || turn.activity.channelId !== 'msteams') return null;
  try {
    return (await TeamsInfo.getMember(turn, from.id)).name ?? null;
  } catch {
    return null;
  }
}

/** A polite no, without touching anything: words for a message, an error for a button, silence otherwise. */
async function refuse(turn: TurnContext, refusal: { code: string; words: string }): Promise<void> {
  if (turn.activity.type === ActivityTypes.Message) await turn.sendActivity(refusal.words);
  else if (turn.activity.type === ActivityTypes.Invoke) {
    await turn.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: errorResponse(403, refusal.code, refusal.words) },
    });
  }
}

async function send(turn: TurnContext, reply: Reply): Promise<void> {
  if (reply.card) await turn.sendActivity({ type: 'message', text: reply.text, attachments: [reply.card] });
  else if (reply.text) await turn.sendActivity(reply.text);
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } as never };
}
