import type { Kysely } from 'kysely';
import type {
  Directory,
  DirectoryUser,
  ProvisionedTenantGroup,
  TeamsAddress,
  TenantGroupSpec,
} from '../../domain/directory/directory.port';
import { DomainError } from '../../domain/shared/domain-error';
import type { Database } from '../storage/schema';

/** An entry of the optional local directory file: a stand-in Entra user with a phone number. */
export interface LocalDirectoryEntry {
  phone: string;
  aadObjectId: string;
  displayName?: string;
  /** The stand-in's sign-in name, so the portal can find them by account. */
  userPrincipalName?: string;
}

export class ProvisioningNeedsTenant extends DomainError {
  readonly code = 'PROVISIONING_NEEDS_TENANT';
  readonly kind = 'conflict';
  constructor() {
    super('Creating the group in Microsoft 365 needs Convene to run in tenant mode with Graph access.');
  }
}

/**
 * Local mode's directory. People Convene already knows with both a phone number and a Teams
 * identity stand in for Entra users, plus any listed in the local directory file (so the Agents
 * Playground's mock users can be found by phone). Chats are those learnt from earlier activities.
 */
export class LocalDirectory implements Directory {
  private readonly entries: Map<string, LocalDirectoryEntry>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly localTenantId: string,
    entries: LocalDirectoryEntry[] = [],
  ) {
    this.entries = new Map(entries.map((entry) => [entry.phone, entry]));
  }

  async findUsersByPhone(tenantId: string, phones: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const found = new Map<string, DirectoryUser>();
    if (phones.length === 0) return found;
    for (const phone of phones) {
      const entry = this.entries.get(phone);
      if (entry && tenantId === this.localTenantId) {
        found.set(phone, {
          tenantId,
          aadObjectId: entry.aadObjectId,
          displayName: entry.displayName ?? null,
          userPrincipalName: null,
        });
      }
    }
    const rows = await this.db
      .selectFrom('people')
      .select(['phone', 'aad_object_id', 'display_name'])
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', 'is not', null)
      .where('phone', 'in', [...phones])
      .execute();
    for (const row of rows) {
      found.set(row.phone!, {
        tenantId,
        aadObjectId: row.aad_object_id!,
        displayName: row.display_name,
        userPrincipalName: null,
      });
    }
    return found;
  }

  /** Stand-ins of the directory file, by sign-in name (local people have no accounts to look up). */
  async findUserByAccount(tenantId: string, account: string): Promise<DirectoryUser | undefined> {
    if (tenantId !== this.localTenantId) return undefined;
    const wanted = account.trim().toLowerCase();
    const entry = [...this.entries.values()].find((e) => e.userPrincipalName?.toLowerCase() === wanted);
    return (
      entry && {
        tenantId,
        aadObjectId: entry.aadObjectId,
        displayName: entry.displayName ?? null,
        userPrincipalName: entry.userPrincipalName ?? null,
      }
    );
  }

  /** The stand-in's number from the local directory file, else the one Convene has on record. */
  async phonesOfUser(tenantId: string, aadObjectId: string): Promise<string[]> {
    if (tenantId !== this.localTenantId) return [];
    const listed = [...this.entries.values()]
      .filter((e) => e.aadObjectId === aadObjectId)
      .map((e) => e.phone);
    const row = await this.db
      .selectFrom('people')
      .select('phone')
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .executeTakeFirst();
    return [...new Set([...listed, ...(row?.phone ? [row.phone] : [])])];
  }

  /**
   * Locally there is no tenant to create a group in: the group is recorded as provisioned locally
   * (so the flow is complete and visible), only for the local tenant's groups.
   */
  async provisionGroup(spec: TenantGroupSpec): Promise<ProvisionedTenantGroup> {
    if (spec.tenantId !== this.localTenantId) throw new ProvisioningNeedsTenant();
    const people = new Set([...spec.ownerIds, ...spec.memberIds]);
    return {
      entraGroupId: spec.groupId,
      teamId: null,
      teamUrl: null,
      membersAdded: people.size,
      local: true,
    };
  }

  /** Locally a chat exists only once the person has talked to the bot; nothing can be installed. */
  async reachUser(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined> {
    const row = await this.db
      .selectFrom('teams_addresses')
      .select(['service_url', 'conversation_id'])
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .executeTakeFirst();
    return row && { serviceUrl: row.service_url, conversationId: row.conversation_id };
  }
}
