import { GRAPH_ROOT } from './entra-replication';
import type { GraphClients } from './graph-client';

/** Why a team's General channel could not be reached; `status` is Graph's answer. */
export class TeamChannelUnreachable extends Error {
  constructor(
    readonly code: 'APP_NOT_ADDED_TO_TEAM' | 'TEAM_NOT_FOUND' | 'APP_NOT_IN_CATALOG',
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'TeamChannelUnreachable';
  }
}

/**
 * Adds Convene to a team (so its bot may post there) and finds the team's General channel. Application
 * permissions: `TeamsAppInstallation.ReadWriteSelfForTeam.All` (install) and `Channel.ReadBasic.All`
 * (`primaryChannel`). Graph's 429s are retried after Retry-After by the Graph client's retry handler.
 */
export class GraphTeamChannels {
  constructor(
    private readonly clients: GraphClients,
    /** The Convene app's id in the organisation's Teams app catalog; without it nothing can be installed. */
    private readonly teamsAppCatalogId: string | undefined,
  ) {}

  /** Installs Convene in the team (a 409 means it already is) and answers the General channel's id. */
  async generalChannel(tenantId: string, teamId: string): Promise<string> {
    const appId = this.teamsAppCatalogId;
    if (!appId)
      throw new TeamChannelUnreachable('APP_NOT_IN_CATALOG', null, 'TEAMS_APP_CATALOG_ID is not set.');
    const client = this.clients.forTenant(tenantId);
    const team = `/teams/${encodeURIComponent(teamId)}`;
    try {
      await client
        .api(`${team}/installedApps`)
        .post({ 'teamsApp@odata.bind': `${GRAPH_ROOT}/appCatalogs/teamsApps/${appId}` });
    } catch (error) {
      const status = statusOf(error);
      if (status !== 409) throw unreachable(status, error);
    }
    try {
      const channel = (await client.api(`${team}/primaryChannel`).select('id').get()) as { id: string };
      return channel.id;
    } catch (error) {
      throw unreachable(statusOf(error), error);
    }
  }
}

const statusOf = (error: unknown): number | null => (error as { statusCode?: number }).statusCode ?? null;

/** 403 and 404 are the team's answer (the app refused, the team gone); anything else is thrown as it came. */
function unreachable(status: number | null, error: unknown): unknown {
  if (status === 403)
    return new TeamChannelUnreachable(
      'APP_NOT_ADDED_TO_TEAM',
      403,
      'Convene could not be added to the team.',
    );
  if (status === 404) return new TeamChannelUnreachable('TEAM_NOT_FOUND', 404, 'The team no longer exists.');
  return error;
}
