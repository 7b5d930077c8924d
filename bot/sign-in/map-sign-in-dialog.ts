import type { TokenResponse, TurnContext } from 'botbuilder';
import { ComponentDialog, OAuthPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { LOCALES, localeFrom } from '../../src/i18n/locales';
import { translatorFor } from '../../src/i18n/translator';

export const MAP_SIGN_IN_DIALOG = 'convene.map-sign-in';

/** The OAuth connection on the Azure Bot registration that signs people in (tenant mode). */
export const DEFAULT_OAUTH_CONNECTION = 'ConveneSSO';

/** What the dialog hands back once the sender has proven their Microsoft 365 account. */
export type OnSignedIn = (turn: TurnContext, groupId: string, token: string) => Promise<void>;

/**
 * Tenant mode's "add to organisation": botbuilder's OAuthPrompt gets the sender's token (silently
 * when they signed in before; Teams SSO token exchange or a sign-in card otherwise), then the group
 * is mapped to the tenant the token proves.
 */
export class MapSignInDialog extends ComponentDialog {
  constructor(connectionName: string, onSignedIn: OnSignedIn) {
    super(MAP_SIGN_IN_DIALOG);
    // The sign-in card's words are fixed when a prompt is made: one prompt per language Convene speaks.
    for (const locale of LOCALES) {
      const words = translatorFor(locale);
      this.addDialog(
        new OAuthPrompt(`oauth-${locale}`, {
          connectionName,
          title: words.t('bot.signIn.title'),
          text: words.t('bot.signIn.text'),
          timeout: 5 * 60_000,
          endOnInvalidMessage: false,
        }),
      );
    }
    this.addDialog(
      new WaterfallDialog('steps', [
        (step) => step.beginDialog(`oauth-${localeFrom(step.context.activity.locale)}`),
        async (step: WaterfallStepContext<{ groupId: string }>) => {
          const token = step.result as TokenResponse | undefined;
          if (!token?.token) {
            await step.context.sendActivity(
              translatorFor(localeFrom(step.context.activity.locale)).t('bot.signIn.unfinished'),
            );
            return step.endDialog();
          }
          await onSignedIn(step.context, step.options.groupId, token.token);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}
