import { CallerIdConstants, CloudAdapter, type Storage, TeamsSSOTokenExchangeMiddleware } from 'botbuilder';
import type { Logger } from 'pino';
import { DEFAULT_OAUTH_CONNECTION } from './sign-in/map-sign-in-dialog';
import { StrictBotFrameworkAuthentication } from './strict-bot-authentication';

export interface BotCredentials {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
  /** The Bot Connector's OpenID metadata and token issuer, when not the public cloud's. */
  openIdMetadataUrl?: string;
  tokenIssuer?: string;
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
  const auth = new StrictBotFrameworkAuthentication(
    credentials.appId
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId,
          ...channelAuthority(credentials),
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

/** The public cloud's Bot Framework endpoints, as botbuilder's `AuthenticationConstants` spell them. */
const PUBLIC_CLOUD = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/**
 * botbuilder treats any one of its endpoint settings as "all of them are given", so overriding where
 * the channel's keys come from means spelling out the rest of the public cloud's values too.
 */
function channelAuthority(credentials: BotCredentials): Record<string, string> {
  if (!credentials.openIdMetadataUrl && !credentials.tokenIssuer) return {};
  return {
    ...PUBLIC_CLOUD,
    ToBotFromChannelOpenIdMetadataUrl:
      credentials.openIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: credentials.tokenIssuer ?? PUBLIC_CLOUD.ToBotFromChannelTokenIssuer,
  };
}
