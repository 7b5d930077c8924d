import type { TeamsAddress } from '../../domain/directory/directory.port';
import { GRAPH_ROOT } from './entra-replication';
import type { GraphClients } from './graph-client';

export interface GraphTeamsChatsOptions {
  /** Where proactive messages for chats opened through Graph are sent. */
  botServiceUrl: string;
  /** The Convene app's id in the organisation's Teams app catalog; without it nothing can be installed. */
  teamsAppCatalogId?: string;
}

/** Installs Convene for users and finds the 1:1 chat the bot has with each of them. */
export class GraphTeamsChats {
  constructor(
    private readonly clients: GraphClients,
    private readonly options: GraphTeamsChatsOptions,
  ) {}

  /**
   * Installs Convene for the user (a 409 means it already is), then asks for the 1:1 chat that
   * installation has with them; the chat id is the conversation id the Bot Connector expects.
   */
  async reachUser(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined> {
    const appId = this.options.teamsAppCatalogId;
    if (!appId) return undefined;
    const client = this.clients.forTenant(tenantId);
    const base = `/users/${aadObjectId}/teamwork/installedApps`;
    try {
      await client.api(base).post({ 'teamsApp@odata.bind': `${GRAPH_ROOT}/appCatalogs/teamsApps/${appId}` });
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return undefined;
      if (status !== 409) throw error;
    }
    const installed = (await client
      .api(`${base}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${appId}'`)}`)
      .get()) as { value: Array<{ id: string }> };
    const installation = installed.value[0];
    if (!installation) return undefined;
    const chat = (await client.api(`${base}/${installation.id}/chat`).get()) as { id: string };
    return { serviceUrl: this.options.botServiceUrl, conversationId: chat.id };
  }
}
