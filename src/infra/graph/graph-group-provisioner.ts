import type {
  GroupPhotoUpload,
  ProvisionedTenantGroup,
  TenantGroupSpec,
} from '../../domain/directory/directory.port';
import {
  GRAPH_ROOT,
  isReplicationDelay,
  type ReplicationPatience,
  replicationRetries,
  waitForReplication,
  whileReplicating,
} from './entra-replication';
import { graphErrorMessage, sendBatched } from './graph-batcher';
import type { GraphClients } from './graph-client';
import { GraphRequestFailed } from './graph-request-failed';
import { mailNicknameFor } from './mail-nickname';

/** Members Graph adds in one PATCH. */
export const MEMBERS_PER_REQUEST = 20;

export interface GraphGroupProvisionerOptions extends ReplicationPatience {
  throttleDefaultMs?: number;
}

/** Creates organisations' Microsoft 365 groups and teams and keeps their members and photo up to date. */
export class GraphGroupProvisioner {
  constructor(
    private readonly clients: GraphClients,
    private readonly options: GraphGroupProvisionerOptions,
  ) {}

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
    const bind = (id: string) => `${GRAPH_ROOT}/directoryObjects/${id}`;
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
      const created = (await whileReplicating(this.options, () =>
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
    const photo = await this.photoFor(spec, groupId);
    if (spec.existingTeamId)
      return {
        entraGroupId: groupId,
        teamId: spec.existingTeamId,
        teamUrl: null,
        membersAdded: added,
        ...photo,
      };
    const team = (await whileReplicating(this.options, () =>
      client.api(`/groups/${groupId}/team`).put({ memberSettings: { allowCreateUpdateChannels: true } }),
    )) as { id?: string; webUrl?: string } | undefined;
    return {
      entraGroupId: groupId,
      teamId: team?.id ?? groupId,
      // Shown as a link: only a web address is taken.
      teamUrl: team?.webUrl?.startsWith('https://') ? team.webUrl : null,
      membersAdded: added,
      ...photo,
    };
  }

  /** Sets the spec's photo; a refusal is reported, not thrown: the group and its members are what matter. */
  private async photoFor(
    spec: TenantGroupSpec,
    groupId: string,
  ): Promise<{ photoEtag: string | null; photoProblem: string | null }> {
    if (!spec.photo) return { photoEtag: null, photoProblem: null };
    try {
      await this.setGroupPhoto(spec.tenantId, groupId, spec.photo);
      return { photoEtag: spec.photo.etag, photoProblem: null };
    } catch (error) {
      const { statusCode, message } = error as { statusCode?: number; message?: string };
      return {
        photoEtag: null,
        photoProblem: `Setting the group's photo failed (${statusCode ?? 'no answer'}): ${message ?? error}`,
      };
    }
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
        body: { '@odata.id': `${GRAPH_ROOT}/directoryObjects/${id}` },
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
          body: { 'members@odata.bind': ids.map((id) => `${GRAPH_ROOT}/directoryObjects/${id}`) },
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
        } else if (isReplicationDelay(answer.status, message) && attempt < replicationRetries(this.options)) {
          again.push(ids);
        } else {
          throw new GraphRequestFailed(answer.status, `Adding members failed: ${message}`);
        }
      }
      if (again.length > 0) await waitForReplication(this.options);
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
        body: { '@odata.id': `${GRAPH_ROOT}/directoryObjects/${id}` },
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
   * Sets the Microsoft 365 group's photo (Teams shows it as the team's picture). A group created a
   * moment ago may not have replicated yet, so "does not exist" answers are retried; 429s are the
   * client's retry handler's (the body is a buffer, so it can be sent again).
   */
  async setGroupPhoto(tenantId: string, entraGroupId: string, photo: GroupPhotoUpload): Promise<void> {
    const client = this.clients.forTenant(tenantId);
    await whileReplicating(this.options, () =>
      client
        .api(`/groups/${encodeURIComponent(entraGroupId)}/photo/$value`)
        .header('content-type', photo.contentType)
        .put(Buffer.from(photo.bytes)),
    );
  }
}
