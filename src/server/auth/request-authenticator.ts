import type { Request } from 'restify';
import type { TeamsIdentity } from '../../domain/people/identify-teams-user';

/** Proves who is calling the tab API. */
export interface RequestAuthenticator {
  /** Whether callers are a stand-in developer identity rather than verified users (shown in the tab). */
  readonly developerIdentity: boolean;
  authenticate(req: Request): Promise<TeamsIdentity>;
}

/**
 * Local mode: every caller is the configured developer, an org admin of the local organisation.
 * Only ever wired when Convene listens on loopback in local mode.
 */
export class LocalDeveloperAuthenticator implements RequestAuthenticator {
  readonly developerIdentity = true;
  constructor(private readonly identity: TeamsIdentity) {}

  async authenticate(): Promise<TeamsIdentity> {
    return this.identity;
  }
}
