import type { INetworkModule } from '@azure/msal-node';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { AccountCreator } from '../../domain/accounts/account-creator.port';
import type { Directory } from '../../domain/directory/directory.port';
import type { ConnectorTokenSource } from '../delivery/bot-connector-client';
import { LocalAccountCreator } from '../directory/local-account-creator';
import { LocalDirectory } from '../directory/local-directory';
import { LocalDirectoryFile, type LocalDirectorySource } from '../directory/local-directory-file';
import type { Database } from '../storage/schema';
import { BOT_CONNECTOR_SCOPE, EntraApp, GRAPH_DEFAULT_SCOPE } from './entra-app';
import { GraphAccountCreator } from './graph-account-creator';
import { GraphClients } from './graph-client';
import { GraphDirectory } from './graph-directory';
import { GraphTeamChannels } from './graph-team-channels';

export interface IdentityRuntime {
  directory: Directory;
  /** Creates accounts for people known only by phone (Graph, or the local directory's stand-ins). */
  accountCreator: AccountCreator;
  /** Bearer tokens for proactive sends; undefined in local mode (no bot credentials). */
  connectorToken: ConnectorTokenSource | undefined;
  /** The process's Entra app (tenant mode), for On-Behalf-Of calls as the signed-in user. */
  entraApp: EntraApp | undefined;
  /** Local mode: the local directory file's stand-in people (the developer sign-in offers them). */
  localPeople: LocalDirectorySource;
  /** Adds Convene to teams and finds their General channel (tenant mode only). */
  teamChannels?: GraphTeamChannels;
}

/**
 * Picks the directory for the mode: Graph with the Entra app in tenant mode (one
 * ConfidentialClientApplication per registration for the whole process), the local stand-in otherwise.
 */
export function createIdentityRuntime(
  config: Readonly<Config>,
  db: Kysely<Database>,
  /** Tests only: reaches a loopback Entra instead of Microsoft's. */
  networkClient?: INetworkModule,
): IdentityRuntime {
  if (config.mode === 'local') {
    const entries: LocalDirectorySource = config.localDirectoryFile
      ? new LocalDirectoryFile(config.localDirectoryFile, (message) => console.warn(message))
      : [];
    return {
      directory: new LocalDirectory(db, config.localIdentity.tenantId, entries, config.defaultRegion),
      accountCreator: new LocalAccountCreator(db, config.localIdentity.tenantId, entries),
      connectorToken: undefined,
      entraApp: undefined,
      localPeople: entries,
    };
  }
  const { entra, bot } = config;
  const entraApp = new EntraApp({
    clientId: entra.clientId!,
    tenantId: bot.tenantId!,
    authorityHost: entra.authorityHost,
    clientSecret: entra.clientSecret,
    certificate: entra.certificate,
    networkClient,
  });
  const botApp =
    entra.clientId === bot.appId
      ? entraApp
      : new EntraApp({
          clientId: bot.appId!,
          tenantId: bot.tenantId!,
          authorityHost: entra.authorityHost,
          clientSecret: bot.appPassword,
          networkClient,
        });
  const graphToken = (tenantId: string) => entraApp.appToken(GRAPH_DEFAULT_SCOPE, tenantId);
  const clients = new GraphClients(graphToken, { baseUrl: config.graph.baseUrl });
  return {
    directory: new GraphDirectory(clients, {
      defaultRegion: config.defaultRegion,
      botServiceUrl: config.delivery.botServiceUrl,
      teamsAppCatalogId: config.graph.teamsAppCatalogId,
    }),
    accountCreator: new GraphAccountCreator(clients, graphToken),
    // Single-tenant bots get Bot Connector tokens from their own tenant.
    connectorToken: () => botApp.appToken(BOT_CONNECTOR_SCOPE, bot.tenantId!),
    entraApp,
    localPeople: [],
    teamChannels: new GraphTeamChannels(clients, config.graph.teamsAppCatalogId),
  };
}
