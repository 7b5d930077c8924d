import { type Answer, error } from './graph-answer';

/**
 * Teams' apps and General channels on the loopback Graph: `POST /teams/{id}/installedApps` (201, 409 when
 * the app is there already, or a status a test forces for one team, e.g. 403) and
 * `GET /teams/{id}/primaryChannel` (the General channel, `19:general-{team}@thread.tacv2`).
 */
export class GraphTeamChannels {
  /** Teams that exist, and the app ids installed in each. */
  readonly teams = new Map<string, Set<string>>();
  /** A status to answer installedApps with for a team (403: the app may not be added there). */
  readonly refuseInstall = new Map<string, number>();
  readonly installRequests: string[] = [];

  addTeam(teamId: string): void {
    this.teams.set(teamId, new Set());
  }

  static generalChannelOf(teamId: string): string {
    return `19:general-${teamId}@thread.tacv2`;
  }

  /** The answer to a team request, or undefined when the request is not one. */
  route(method: string, path: string, body: unknown): Answer | undefined {
    const install = /^\/teams\/([^/?]+)\/installedApps$/.exec(path);
    if (install && method === 'POST') {
      const teamId = decodeURIComponent(install[1]!);
      this.installRequests.push(teamId);
      const apps = this.teams.get(teamId);
      if (!apps) return { status: 404, body: error('NotFound', `No team ${teamId}`) };
      const refused = this.refuseInstall.get(teamId);
      if (refused) return { status: refused, body: error('Forbidden', 'Installing the app is not allowed.') };
      const bind = String((body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? '');
      const appId = bind.split('/').pop() ?? '';
      if (apps.has(appId)) return { status: 409, body: error('Conflict', 'The app is already installed.') };
      apps.add(appId);
      return { status: 201, body: {} };
    }
    const primary = /^\/teams\/([^/?]+)\/primaryChannel(\?.*)?$/.exec(path);
    if (primary && method === 'GET') {
      const teamId = decodeURIComponent(primary[1]!);
      if (!this.teams.has(teamId)) return { status: 404, body: error('NotFound', `No team ${teamId}`) };
      return {
        status: 200,
        body: {
          id: GraphTeamChannels.generalChannelOf(teamId),
          displayName: 'General',
          membershipType: 'standard',
        },
      };
    }
    return undefined;
  }
}
