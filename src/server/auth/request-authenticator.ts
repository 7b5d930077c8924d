import type { Request } from 'restify';
import type { TeamsIdentity } from '../../domain/people/identify-teams-user';

/** Proves who is calling the tab API. */
export interface RequestAuthenticator {
  /** Whether callers are a stand-in developer identity rather than verified users (shown in the tab). */
  readonly developerIdentity: boolean;
  authenticate(req: Request): Promise<TeamsIdentity>;
}

/** Local mode lets a developer act as another person of the local tenant (e.g. to try a champ's view). */
export const LOCAL_USER_HEADER = 'x-convene-local-user';
export const LOCAL_USER_NAME_HEADER = 'x-convene-local-user-name';

/**
 * Local mode: callers are the configured developer (an org admin of the local organisation), or
 * another stand-in person of the same tenant named by the `x-convene-local-user` header. Never wired
 * in tenant mode, where identities come from verified tokens only.
 */
export class LocalDeveloperAuthenticator implements RequestAuthenticator {
  readonly developerIdentity = true;
  constructor(private readonly identity: TeamsIdentity) {}

  async authenticate(req: Request): Promise<TeamsIdentity> {
    const other = headerValue(req, LOCAL_USER_HEADER);
    if (!other) return this.identity;
    return {
      tenantId: this.identity.tenantId,
      aadObjectId: other.slice(0, 64),
      displayName: headerValue(req, LOCAL_USER_NAME_HEADER)?.slice(0, 100) ?? other.slice(0, 64),
    };
  }
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}
