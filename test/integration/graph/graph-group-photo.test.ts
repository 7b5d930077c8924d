import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { GraphGroupProvisioner } from '../../../src/infra/graph/graph-group-provisioner';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { samplePhoto } from '../../fakes/sample-photos';

const TENANT = '11111111-1111-1111-1111-111111111111';

describe("a group's photo in Microsoft 365, over the wire", () => {
  let graph: GraphServer;
  let clients: GraphClients;
  let directory: GraphDirectory;
  beforeEach(async () => {
    graph = new GraphServer();
    await graph.start();
    const entra = new EntraApp({
      clientId: 'client-id',
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      networkRetryDelayMs: 5,
    });
    directory = new GraphDirectory(clients, {
      defaultRegion: 'IN',
      botServiceUrl: 'https://smba.trafficmanager.net/in/',
      replicationDelayMs: 5,
      throttleDefaultMs: 5,
    });
  });
  afterEach(() => graph.stop());

  const spec = (photo: { bytes: Uint8Array; etag: string } | null, existing: string | null = null) => ({
    tenantId: TENANT,
    groupId: 'a1b2c3d4-0000-4000-8000-0000000000aa',
    name: 'Riders – North',
    description: 'Moved with Convene',
    ownerIds: [graph.users[0]!.id],
    memberIds: [],
    existingGroupId: existing,
    existingTeamId: null,
    photo: photo && { contentType: 'image/jpeg', ...photo },
  });

  test('when a group with a photo is provisioned, then the photo is PUT with its bytes and type, even while the new group replicates', async () => {
    graph.addUsers(1, () => ({}));
    graph.groupPhotos.replicationDelays = 2;
    const bytes = await samplePhoto('jpeg');
    const result = await directory.provisionGroup(spec({ bytes, etag: 'etag-1' }));
    expect(result).toMatchObject({ photoEtag: 'etag-1', photoProblem: null });
    const stored = graph.groupPhotos.photos.get(result.entraGroupId)!;
    expect(stored.contentType).toBe('image/jpeg');
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);
    const puts = graph.graphRequests().filter((r) => r.method === 'PUT' && r.path.endsWith('/photo/$value'));
    expect(puts).toHaveLength(3);
    expect(puts[0]!.authorization).toBe('Bearer graph-token-for-app');
  });

  test('when Graph throttles the photo PUT, then it is sent again after Retry-After with the same bytes', async () => {
    graph.addUsers(1, () => ({}));
    const created = await directory.provisionGroup(spec(null));
    graph.log.length = 0;
    graph.failNext.push({ status: 429, retryAfter: 0 });
    const bytes = await samplePhoto('jpeg', { colour: '#107c10' });
    await new GraphGroupProvisioner(clients, { replicationDelayMs: 5 }).setGroupPhoto(
      TENANT,
      created.entraGroupId,
      {
        contentType: 'image/jpeg',
        bytes,
        etag: 'etag-2',
      },
    );
    expect(graph.graphRequests().map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(graph.groupPhotos.photos.get(created.entraGroupId)!.bytes.length).toBe(bytes.byteLength);
  });

  test('when the photo cannot be set, then provisioning still succeeds and says why the photo did not', async () => {
    graph.addUsers(1, () => ({}));
    graph.groupPhotos.replicationDelays = 100;
    const result = await directory.provisionGroup(spec({ bytes: await samplePhoto('jpeg'), etag: 'etag-3' }));
    expect(graph.groups.get(result.entraGroupId)!.team).toBe(true);
    expect(result.photoEtag).toBeNull();
    expect(result.photoProblem).toMatch(/Setting the group's photo failed \(404\)/);
  });

  test('when a provisioned group is synced without a new photo, then no photo is sent', async () => {
    graph.addUsers(1, () => ({}));
    const first = await directory.provisionGroup(spec(null));
    graph.log.length = 0;
    await directory.provisionGroup(spec(null, first.entraGroupId));
    expect(graph.graphRequests().some((r) => r.path.includes('/photo'))).toBe(false);
  });
});
