import type { Actor } from '../../../src/domain/access/actor';
import { setGroupPhoto } from '../../../src/domain/group-photos/set-group-photo';
import { createGroup } from '../../../src/domain/groups/create-group';
import { mapGroupToOrganisation } from '../../../src/domain/groups/map-group-to-organisation';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { EntraApp, GRAPH_DEFAULT_SCOPE } from '../../../src/infra/graph/entra-app';
import { GraphClients } from '../../../src/infra/graph/graph-client';
import { GraphDirectory } from '../../../src/infra/graph/graph-directory';
import { SharpPhotoProcessor } from '../../../src/infra/group-photos/sharp-photo-processor';
import { ProvisioningWorker } from '../../../src/infra/jobs/provisioning-worker';
import { createLogger } from '../../../src/infra/logging/logger';
import { GraphServer, loopbackNetworkClient } from '../../fakes/graph-server';
import { samplePhoto } from '../../fakes/sample-photos';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

const contoso = { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' };

describeEachDialect("a group's photo reaches its Microsoft 365 group", (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let graph: GraphServer;
  let worker: ProvisioningWorker;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    graph = new GraphServer();
    await graph.start();
    const entra = new EntraApp({
      clientId: 'client-id',
      tenantId: CONTOSO_TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      clientSecret: 'secret',
      networkClient: loopbackNetworkClient(graph),
    });
    const clients = new GraphClients((tenant) => entra.appToken(GRAPH_DEFAULT_SCOPE, tenant), {
      baseUrl: graph.url,
      retryDelaySeconds: 0,
      maxRetries: 1,
    });
    worker = new ProvisioningWorker({
      uow: world.ctx.uow,
      clock: world.ctx.clock,
      logger: createLogger('silent'),
      directory: new GraphDirectory(clients, {
        defaultRegion: 'IN',
        botServiceUrl: 'https://smba.trafficmanager.net/in/',
        replicationDelayMs: 5,
      }),
    });
  });
  afterEach(async () => {
    await graph.stop();
    await under.dispose();
  });

  const photos = () => ({ ...world.ctx, photos: new SharpPhotoProcessor() });
  const stored = (groupId: string) => world.ctx.uow.read((repos) => repos.groupPhotos.find(groupId));

  async function mappedGroupWithPhoto(): Promise<{ groupId: string; asha: Actor }> {
    const [user] = graph.addUsers(1, () => ({}));
    const asha = await identifyTeamsUser(world.ctx, {
      tenantId: CONTOSO_TENANT,
      aadObjectId: user!.id,
      displayName: 'Asha',
    });
    const group = await createGroup(world.ctx, { name: 'Riders – North' }, asha);
    await setGroupPhoto(
      photos(),
      { groupId: group.id, bytes: await samplePhoto('png'), via: 'portal' },
      asha,
    );
    await mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha);
    return { groupId: group.id, asha };
  }

  test('when a group with a photo is provisioned, then its Microsoft 365 group gets the same JPEG and Convene notes it', async () => {
    const { groupId } = await mappedGroupWithPhoto();
    expect(await worker.runOnce()).toBe(true);
    const [created] = [...graph.groups.values()];
    const photo = (await stored(groupId))!;
    const remote = graph.groupPhotos.photos.get(created!.id)!;
    expect(remote.contentType).toBe('image/jpeg');
    expect(Buffer.compare(remote.bytes, Buffer.from(photo.bytes))).toBe(0);
    expect(photo.tenantEtag).toBe(photo.etag);
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(groupId, 10));
    expect(audit.map((a) => a.action)).toContain('group.photo-set-in-tenant');
  });

  test('when the photo changes after provisioning, then a sync job sets the new one and nothing else is created', async () => {
    const { groupId, asha } = await mappedGroupWithPhoto();
    await worker.runOnce();
    const [created] = [...graph.groups.values()];
    graph.log.length = 0;

    const changed = await setGroupPhoto(
      photos(),
      { groupId, bytes: await samplePhoto('webp', { colour: '#d83b01' }), via: 'bot' },
      asha,
    );
    expect((await stored(groupId))!.tenantEtag).not.toBe(changed.etag);
    expect(await worker.runOnce()).toBe(true);
    expect(Buffer.compare(graph.groupPhotos.photos.get(created!.id)!.bytes, Buffer.from(changed.bytes))).toBe(
      0,
    );
    expect((await stored(groupId))!.tenantEtag).toBe(changed.etag);
    expect(graph.groups.size).toBe(1);
    const puts = graph
      .graphRequests()
      .filter((r) => r.method === 'PUT')
      .map((r) => r.path);
    expect(puts).toEqual([`/v1.0/groups/${created!.id}/photo/$value`]);
    // Nothing left to do: the next sync sends no photo.
    expect(await worker.runOnce()).toBe(false);
  });
});
