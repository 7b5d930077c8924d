import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Storage,
  TeamsSSOTokenExchangeMiddleware,
} from 'botbuilder';
import type { Logger } from 'pino';
import { DEFAULT_OAUTH_CONNECTION } from './sign-in/map-sign-in-dialog';

export interface BotCredentials {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
}

/**
 * The Bot Framework adapter. With an app id it validates every incoming JWT and signs replies;
 * without one (local mode only: configuration refuses tenant mode without it) it accepts
 * unauthenticated activities as the Agents Playground sends them.
 */
export interface BotAdapterOptions {
  /** Bot state storage; with an app id it also de-duplicates Teams SSO token exchanges. */
  storage?: Storage;
  /** The OAuth connection on the Azure Bot registration (tenant mode sign-in). */
  oauthConnectionName?: string;
}

export function createBotAdapter(
  credentials: BotCredentials,
  logger: Logger,
  options: BotAdapterOptions = {},
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    credentials.appId
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  if (credentials.appId && options.storage) {
    // Teams sends the SSO token exchange to every open client at once: only one may use it.
    adapter.use(
      new TeamsSSOTokenExchangeMiddleware(
        options.storage,
        options.oauthConnectionName ?? DEFAULT_OAUTH_CONNECTION,
      ),
    );
  }
  adapter.onTurnError = async (turn, error) => {
    logger.error({ err: error, activityType: turn.activity.type }, 'bot turn failed');
    await turn.sendActivity('Sorry, something went wrong on my side. Please try again in a moment.');
  };
  return adapter;
}
