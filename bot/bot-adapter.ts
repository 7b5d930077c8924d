import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';

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
export function createBotAdapter(credentials: BotCredentials, logger: Logger): CloudAdapter {
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
  adapter.onTurnError = async (turn, error) => {
    logger.error({ err: error, activityType: turn.activity.type }, 'bot turn failed');
    await turn.sendActivity('Sorry, something went wrong on my side. Please try again in a moment.');
  };
  return adapter;
}
