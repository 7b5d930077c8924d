import type {
  Directory,
  DirectoryMatch,
  DirectoryQuery,
  DirectoryUser,
  ProvisionedTenantGroup,
  TeamsAddress,
  TenantGroupSpec,
} from '../../domain/directory/directory.port';
import type { GraphClients } from './graph-client';
import { GraphGroupProvisioner } from './graph-group-provisioner';
import { GraphTeamsChats } from './graph-teams-chats';
import { GraphUserLookup } from './graph-user-lookup';

export interface GraphDirectoryOptions {
  /** Region for reading directory phone numbers written without a country code. */
  defaultRegion: string;
  /** Where proactive messages for chats opened through Graph are sent. */
  botServiceUrl: string;
  /** The Convene app's id in the organisation's Teams app catalog; without it nothing can be installed. */
  teamsAppCatalogId?: string;
  /** Wait between retries while Entra replicates a new object, and how many times. */
  replicationDelayMs?: number;
  replicationRetries?: number;
  throttleDefaultMs?: number;
}

const USER_FIELDS = 'id,mobilePhone,businessPhones,displayName,userPrincipalName';

export { MEMBERS_PER_REQUEST } from './graph-group-provisioner';
export { GraphRequestFailed } from './graph-request-failed';
export { FILTER_VALUES, PAGE_SIZE } from './graph-user-lookup';

/**
 * Entra ID through Microsoft Graph (tenant mode), using app-only permissions: finding accounts
 * (`GraphUserLookup`), provisioning groups and teams (`GraphGroupProvisioner`) and reaching people's
 * chats (`GraphTeamsChats`), one class per concern behind the domain's one port.
 */
export class GraphDirectory implements Directory {
  private readonly lookup: GraphUserLookup;
  private readonly provisioner: GraphGroupProvisioner;
  private readonly chats: GraphTeamsChats;

  constructor(
    private readonly clients: GraphClients,
    options: GraphDirectoryOptions,
  ) {
    this.lookup = new GraphUserLookup(clients, {
      defaultRegion: options.defaultRegion,
      throttleDefaultMs: options.throttleDefaultMs,
    });
    this.provisioner = new GraphGroupProvisioner(clients, {
      replicationDelayMs: options.replicationDelayMs,
      replicationRetries: options.replicationRetries,
      throttleDefaultMs: options.throttleDefaultMs,
    });
    this.chats = new GraphTeamsChats(clients, {
      botServiceUrl: options.botServiceUrl,
      teamsAppCatalogId: options.teamsAppCatalogId,
    });
  }

  /** Numbers only: the same batched lookup as `findPeople`, keyed by number. */
  async findUsersByPhone(tenantId: string, phones: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const queries = [...new Set(phones)].map((phone) => ({
      key: phone,
      phone,
      email: null,
      employeeId: null,
    }));
    const found = await this.lookup.findPeople(tenantId, queries);
    return new Map([...found].map(([phone, match]) => [phone, match.user]));
  }

  findPeople(tenantId: string, queries: readonly DirectoryQuery[]): Promise<Map<string, DirectoryMatch>> {
    return this.lookup.findPeople(tenantId, queries);
  }

  async findUserByAccount(tenantId: string, account: string): Promise<DirectoryUser | undefined> {
    const quoted = `'${account.trim().replace(/'/g, "''")}'`;
    const filter = encodeURIComponent(`userPrincipalName eq ${quoted} or mail eq ${quoted}`);
    const page = (await this.clients
      .forTenant(tenantId)
      .api(`/users?$filter=${filter}&$select=${USER_FIELDS}&$top=1`)
      .get()) as { value: GraphUser[] };
    const user = page.value[0];
    if (!user) return undefined;
    return {
      tenantId,
      aadObjectId: user.id,
      displayName: user.displayName ?? null,
      userPrincipalName: user.userPrincipalName ?? null,
    };
  }

  async phonesOfUser(tenantId: string, aadObjectId: string): Promise<string[]> {
    let user: GraphUser;
    try {
      user = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(aadObjectId)}?$select=id,mobilePhone,businessPhones`)
        .get()) as GraphUser;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return [];
      throw error;
    }
    const phones = [user.mobilePhone, ...(user.businessPhones ?? [])].map(
      (raw) => raw && this.lookup.normalise(raw),
    );
    return [...new Set(phones.filter((p): p is string => Boolean(p)))];
  }

  provisionGroup(spec: TenantGroupSpec): Promise<ProvisionedTenantGroup> {
    return this.provisioner.provisionGroup(spec);
  }

  reachUser(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined> {
    return this.chats.reachUser(tenantId, aadObjectId);
  }
}

interface GraphUser {
  id: string;
  mobilePhone?: string | null;
  businessPhones?: string[];
  displayName?: string | null;
  userPrincipalName?: string | null;
}
