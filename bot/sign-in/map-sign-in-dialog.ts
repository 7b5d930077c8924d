import type { TokenResponse, TurnContext } from 'botbuilder';
import { ComponentDialog, OAuthPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';

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
    this.addDialog(
      new OAuthPrompt('oauth', {
        connectionName,
        title: 'Sign in',
        text: 'Sign in with your Microsoft 365 work account so Convene can add the group to your organisation.',
        timeout: 5 * 60_000,
        endOnInvalidMessage: false,
      }),
    );
    this.addDialog(
      new WaterfallDialog('steps', [
        (step) => step.beginDialog('oauth'),
        async (step: WaterfallStepContext<{ groupId: string }>) => {
          const token = step.result as TokenResponse | undefined;
          if (!token?.token) {
            await step.context.sendActivity(
              'Sign-in did not finish, so the group was not added. Say "add ‹group› to organisation" to try again.',
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
