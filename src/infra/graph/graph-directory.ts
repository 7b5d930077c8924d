import { setTimeout as sleep } from 'node:timers/promises';
import type {
  Directory,
  DirectoryMatch,
  DirectoryQuery,
  DirectoryUser,
  ProvisionedTenantGroup,
  TeamsAddress,
  TenantGroupSpec,
} from '../../domain/directory/directory.port';
import { graphErrorMessage, sendBatched } from './graph-batcher';
import type { GraphClients } from './graph-client';
import { GraphRequestFailed } from './graph-request-failed';
import { GraphUserLookup } from './graph-user-lookup';
import { mailNicknameFor } from './mail-nickname';

/** Members Graph adds in one PATCH. */
export const MEMBERS_PER_REQUEST = 20;

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

export { GraphRequestFailed } from './graph-request-failed';
export { FILTER_VALUES, PAGE_SIZE } from './graph-user-lookup';

/** Entra ID through Microsoft Graph (tenant mode), using app-only permissions. */
export class GraphDirectory implements Directory {
  private readonly lookup: GraphUserLookup;

  constructor(
    private readonly clients: GraphClients,
    private readonly options: GraphDirectoryOptions,
  ) {
    this.lookup = new GraphUserLookup(clients, {
      defaultRegion: options.defaultRegion,
      throttleDefaultMs: options.throttleDefaultMs,
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

  /**
   * Creates the Microsoft 365 group (or finds the one an interrupted attempt created, by its
   * mail nickname), adds the members 20 per request in `$batch`es, then makes it a team. New
   * objects take a while to replicate inside Entra, so "does not exist" answers are retried.
   * For a group that exists already (a retry, or a member sync after people joined) only those
   * missing from its members and owners are added, and an existing team is left as it is.
   */
  async provisionGroup(spec: TenantGroupSpec): Promise<ProvisionedTenantGroup> {
    const client = this.clients.forTenant(spec.tenantId);
    const nickname = mailNicknameFor(spec.name, spec.groupId);
    const bind = (id: string) => `${this.graphRoot()}/directoryObjects/${id}`;
    let groupId = spec.existingGroupId;
    if (!groupId) {
      const existing = (await client
        .api(`/groups?$filter=${encodeURIComponent(`mailNickname eq '${nickname}'`)}&$select=id`)
        .get()) as { value: Array<{ id: string }> };
      groupId = existing.value[0]?.id ?? null;
    }
    let members = [...new Set([...spec.ownerIds, ...spec.memberIds])];
    let owners = spec.ownerIds;
    let added = 0;
    if (!groupId) {
      const first = spec.ownerIds.slice(0, MEMBERS_PER_REQUEST);
      const created = (await this.whileReplicating(() =>
        client.api('/groups').post({
          displayName: spec.name,
          description: spec.description,
          mailNickname: nickname,
          mailEnabled: true,
          securityEnabled: false,
          groupTypes: ['Unified'],
          'owners@odata.bind': first.map(bind),
          'members@odata.bind': first.map(bind),
        }),
      )) as { id: string };
      groupId = created.id;
      // The first owners joined as members when the group was created.
      added = first.length;
      members = members.filter((id) => !first.includes(id));
      owners = spec.ownerIds.slice(MEMBERS_PER_REQUEST);
    } else {
      const [currentMembers, currentOwners] = await Promise.all([
        this.memberIds(spec.tenantId, `/groups/${groupId}/members`),
        this.memberIds(spec.tenantId, `/groups/${groupId}/owners`),
      ]);
      members = members.filter((id) => !currentMembers.has(id));
      owners = owners.filter((id) => !currentOwners.has(id));
    }
    added += await this.addMembers(spec.tenantId, groupId, members);
    await this.addOwners(spec.tenantId, groupId, owners);
    if (spec.existingTeamId)
      return { entraGroupId: groupId, teamId: spec.existingTeamId, teamUrl: null, membersAdded: added };
    const team = (await this.whileReplicating(() =>
      client.api(`/groups/${groupId}/team`).put({ memberSettings: { allowCreateUpdateChannels: true } }),
    )) as { id?: string; webUrl?: string } | undefined;
    return {
      entraGroupId: groupId,
      teamId: team?.id ?? groupId,
      // Shown as a link: only a web address is taken.
      teamUrl: team?.webUrl?.startsWith('https://') ? team.webUrl : null,
      membersAdded: added,
    };
  }

  /** The object ids in a group's members or owners, following the pages (999 a page). */
  private async memberIds(tenantId: string, path: string): Promise<Set<string>> {
    const client = this.clients.forTenant(tenantId);
    const ids = new Set<string>();
    let next: string | undefined = `${path}?$select=id&$top=999`;
    while (next) {
      const page = (await client.api(next).get()) as {
        value: Array<{ id: string }>;
        '@odata.nextLink'?: string;
      };
      for (const item of page.value) ids.add(item.id);
      next = page['@odata.nextLink'] ? this.clients.relativeLink(page['@odata.nextLink']) : undefined;
    }
    return ids;
  }

  /** Makes these people owners too (they are members already); one already an owner is fine. */
  private async addOwners(tenantId: string, groupId: string, ownerIds: string[]): Promise<void> {
    if (ownerIds.length === 0) return;
    const answers = await sendBatched(
      this.clients.forTenant(tenantId),
      ownerIds.map((id) => ({
        method: 'POST' as const,
        url: `/groups/${groupId}/owners/$ref`,
        body: { '@odata.id': `${this.graphRoot()}/directoryObjects/${id}` },
      })),
      { defaultRetryAfterMs: this.options.throttleDefaultMs },
    );
    for (const answer of answers) {
      const message = graphErrorMessage(answer.body);
      if (answer.status >= 300 && !/already exist/i.test(message)) {
        throw new GraphRequestFailed(answer.status, `Adding an owner failed: ${message}`);
      }
    }
  }

  private async addMembers(tenantId: string, groupId: string, memberIds: string[]): Promise<number> {
    const client = this.clients.forTenant(tenantId);
    const chunks: string[][] = [];
    for (let i = 0; i < memberIds.length; i += MEMBERS_PER_REQUEST)
      chunks.push(memberIds.slice(i, i + MEMBERS_PER_REQUEST));
    let added = 0;
    let pending = chunks;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const answers = await sendBatched(
        client,
        pending.map((ids) => ({
          method: 'PATCH' as const,
          url: `/groups/${groupId}`,
          body: { 'members@odata.bind': ids.map((id) => `${this.graphRoot()}/directoryObjects/${id}`) },
        })),
        { defaultRetryAfterMs: this.options.throttleDefaultMs },
      );
      const again: string[][] = [];
      for (const [i, answer] of answers.entries()) {
        const ids = pending[i]!;
        const message = graphErrorMessage(answer.body);
        if (answer.status >= 200 && answer.status < 300) added += ids.length;
        else if (answer.status === 400 && /already exist/i.test(message)) {
          // Some were members already: add this chunk one by one and skip those.
          added += await this.addOneByOne(tenantId, groupId, ids);
        } else if (isReplicationDelay(answer.status, message) && attempt < this.replicationRetries()) {
          again.push(ids);
        } else {
          throw new GraphRequestFailed(answer.status, `Adding members failed: ${message}`);
        }
      }
      if (again.length > 0) await sleep(this.options.replicationDelayMs ?? 10_000);
      pending = again;
    }
    return added;
  }

  private async addOneByOne(tenantId: string, groupId: string, ids: string[]): Promise<number> {
    const answers = await sendBatched(
      this.clients.forTenant(tenantId),
      ids.map((id) => ({
        method: 'POST' as const,
        url: `/groups/${groupId}/members/$ref`,
        body: { '@odata.id': `${this.graphRoot()}/directoryObjects/${id}` },
      })),
    );
    let added = 0;
    for (const answer of answers) {
      if (answer.status >= 200 && answer.status < 300) added++;
      else if (!/already exist/i.test(graphErrorMessage(answer.body))) {
        throw new GraphRequestFailed(
          answer.status,
          `Adding a member failed: ${graphErrorMessage(answer.body)}`,
        );
      }
    }
    return added;
  }

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
      await client
        .api(base)
        .post({ 'teamsApp@odata.bind': `${this.graphRoot()}/appCatalogs/teamsApps/${appId}` });
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

  private async whileReplicating<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const { statusCode, message } = error as { statusCode?: number; message?: string };
        if (!isReplicationDelay(statusCode ?? 0, message ?? '') || attempt >= this.replicationRetries())
          throw error;
        await sleep(this.options.replicationDelayMs ?? 10_000);
      }
    }
  }

  private replicationRetries(): number {
    return this.options.replicationRetries ?? 6;
  }

  private graphRoot(): string {
    return 'https://graph.microsoft.com/v1.0';
  }
}

interface GraphUser {
  id: string;
  mobilePhone?: string | null;
  businessPhones?: string[];
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/** Entra's answers while a just-created object has not reached every replica yet. */
function isReplicationDelay(status: number, message: string): boolean {
  return status === 404 || (status === 400 && /do(es)? not exist|Request_ResourceNotFound/i.test(message));
}
