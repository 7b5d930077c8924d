import type { Kysely } from 'kysely';
import type {
  Directory,
  DirectoryMatch,
  DirectoryQuery,
  DirectoryUser,
  ProvisionedTenantGroup,
  TeamsAddress,
  TenantGroupSpec,
} from '../../domain/directory/directory.port';
import { type DirectoryCandidate, directoryKey, matchPeople } from '../../domain/directory/match-people';
import { PhoneInvalid } from '../../domain/people/phone.errors';
import { parseRegion, toE164 } from '../../domain/people/phone-number';
import { DomainError } from '../../domain/shared/domain-error';
import type { Database } from '../storage/schema';
import { currentEntries, type LocalDirectoryEntry, type LocalDirectorySource } from './local-directory-file';

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
  constructor(
    private readonly db: Kysely<Database>,
    private readonly localTenantId: string,
    private readonly source: LocalDirectorySource = [],
    /** Region for reading the file's business phones written without a country code. */
    private readonly defaultRegion = 'IN',
  ) {}

  /** The file's stand-ins as it is now, one per number. */
  private get entries(): Map<string, LocalDirectoryEntry> {
    return new Map(currentEntries(this.source).map((entry) => [entry.phone, entry]));
  }

  async findUsersByPhone(tenantId: string, phones: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const queries = [...new Set(phones)].map((phone) => ({
      key: phone,
      phone,
      email: null,
      employeeId: null,
    }));
    const found = await this.findPeople(tenantId, queries);
    return new Map([...found].map(([phone, match]) => [phone, match.user]));
  }

  /**
   * The same matching as Graph's: the file's stand-ins by every field they list, and people Convene
   * knows with an identity by their number or sign-in name.
   */
  async findPeople(
    tenantId: string,
    queries: readonly DirectoryQuery[],
  ): Promise<Map<string, DirectoryMatch>> {
    const phones = [...new Set(queries.flatMap((q) => (q.phone ? [q.phone] : [])))];
    const emails = [...new Set(queries.flatMap((q) => (q.email ? [directoryKey('mail', q.email)] : [])))];
    if (phones.length === 0 && emails.length === 0 && !queries.some((q) => q.employeeId)) return new Map();
    const candidates: DirectoryCandidate[] = [];
    if (tenantId === this.localTenantId) {
      for (const entry of this.entries.values()) {
        candidates.push({
          user: this.userOf(tenantId, entry),
          mobilePhone: entry.phone,
          businessPhones: (entry.businessPhones ?? []).flatMap((raw) => this.normalise(raw) ?? []),
          mail: entry.email ?? null,
          userPrincipalName: entry.userPrincipalName ?? null,
          employeeId: entry.employeeId ?? null,
        });
      }
    }
    if (phones.length > 0 || emails.length > 0) {
      const rows = await this.db
        .selectFrom('people')
        .select(['phone', 'aad_object_id', 'display_name', 'user_principal_name'])
        .where('tenant_id', '=', tenantId)
        .where('aad_object_id', 'is not', null)
        .where((eb) =>
          eb.or([
            ...(phones.length > 0 ? [eb('phone', 'in', phones)] : []),
            ...(emails.length > 0 ? [eb(eb.fn('lower', ['user_principal_name']), 'in', emails)] : []),
          ]),
        )
        .execute();
      // Someone Convene knows with an identity is that account, whatever the file says of the number.
      const known = new Set(rows.map((row) => row.phone));
      for (const c of candidates) if (c.mobilePhone && known.has(c.mobilePhone)) c.mobilePhone = null;
      for (const row of rows) {
        candidates.push({
          user: {
            tenantId,
            aadObjectId: row.aad_object_id!,
            displayName: row.display_name,
            userPrincipalName: row.user_principal_name,
          },
          mobilePhone: row.phone,
          businessPhones: [],
          mail: null,
          userPrincipalName: row.user_principal_name,
          employeeId: null,
        });
      }
    }
    return matchPeople(queries, candidates);
  }

  private userOf(tenantId: string, entry: LocalDirectoryEntry): DirectoryUser {
    return {
      tenantId,
      aadObjectId: entry.aadObjectId,
      displayName: entry.displayName ?? null,
      userPrincipalName: entry.userPrincipalName ?? null,
    };
  }

  private normalise(raw: string): string | undefined {
    try {
      return toE164(raw, parseRegion(this.defaultRegion));
    } catch (error) {
      if (error instanceof PhoneInvalid) return undefined;
      throw error;
    }
  }

  /** Stand-ins of the directory file, by sign-in name (local people have no accounts to look up). */
  async findUserByAccount(tenantId: string, account: string): Promise<DirectoryUser | undefined> {
    if (tenantId !== this.localTenantId) return undefined;
    const wanted = account.trim().toLowerCase();
    const entry = [...this.entries.values()].find((e) => e.userPrincipalName?.toLowerCase() === wanted);
    return entry && this.userOf(tenantId, entry);
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
