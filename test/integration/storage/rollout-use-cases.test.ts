import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import { resetInviteLink } from '../../../src/domain/invites/create-invite-link';
import { redeemInviteLink } from '../../../src/domain/invites/redeem-invite-link';
import { addResource } from '../../../src/domain/rollout/add-resource';
import { listRolloutResources } from '../../../src/domain/rollout/list-resources';
import { groupMessageTemplates } from '../../../src/domain/rollout/message-templates';
import { openResource } from '../../../src/domain/rollout/open-resource';
import { groupPoster } from '../../../src/domain/rollout/posters';
import { removeResource } from '../../../src/domain/rollout/remove-resource';
import type { RolloutContext } from '../../../src/domain/rollout/rollout.ports';
import { slideshowLink } from '../../../src/domain/rollout/slideshow';
import { HmacStandingTokens } from '../../../src/infra/invites/hmac-standing-tokens';
import { createRolloutContext } from '../../../src/infra/rollout/rollout-context';
import { HmacSlipTickets } from '../../../src/infra/slips/hmac-slip-tickets';
import { samplePng } from '../../fakes/rollout-files';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

const BASE = 'https://convene.contoso.com';

describeEachDialect('rollout resources', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let rollout: RolloutContext;
  let dataDir: string;
  let admin: Actor;
  let organisationId: string;

  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    dataDir = mkdtempSync(path.join(tmpdir(), 'convene-rollout-'));
    rollout = createRolloutContext(world.ctx, {
      dataDir,
      publicBaseUrl: () => BASE,
      standingTokens: new HmacStandingTokens(Buffer.alloc(32, 7)),
      slipTickets: new HmacSlipTickets(Buffer.alloc(32, 7)),
    });
    const orgAdmin = await world.orgAdmin('Ira');
    admin = orgAdmin.actor;
    organisationId = orgAdmin.organisation.id;
  });
  afterEach(async () => {
    await under.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A champ of one Contoso group: sees rollout material, manages none of it. */
  async function champ(name: string): Promise<Actor> {
    const group = await createGroup(world.ctx, { name: `${name}’s group`, organisationId }, admin);
    const person = await world.person(name);
    await world.ctx.uow.run((repos) => repos.roles.addChamp(group.id, person.personId));
    return person;
  }

  test('when an org admin adds a PNG, then champs see and download it, and the addition is audited', async () => {
    const bytes = samplePng();
    const resource = await addResource(rollout, { fileName: 'Canteen poster.png', bytes }, admin);
    expect(resource).toMatchObject({ title: 'Canteen poster', type: 'png', fileName: 'Canteen poster.png' });

    const chen = await champ('Chen');
    const catalogue = await listRolloutResources(rollout, chen);
    expect(catalogue.canManage).toBe(false);
    expect(catalogue.custom.map((r) => r.id)).toEqual([resource.id]);
    expect(catalogue.builtIn.map((r) => r.id)).toContain('group-poster');
    const file = await openResource(rollout, { resourceId: resource.id }, chen);
    expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(file.mediaType).toBe('image/png');

    const audit = await under.storage.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'rollout-resource.%')
      .execute();
    expect(audit).toEqual([{ action: 'rollout-resource.added', actor_id: admin.personId }]);
  });

  test('when a champ tries to add or remove a resource, then NOT_ALLOWED and nothing is stored', async () => {
    const chen = await champ('Chen');
    await expect(
      addResource(rollout, { fileName: 'mine.png', bytes: samplePng() }, chen),
    ).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      details: { action: 'add or remove rollout resources' },
    });
    const resource = await addResource(rollout, { fileName: 'a.png', bytes: samplePng() }, admin);
    await expect(removeResource(rollout, { resourceId: resource.id }, chen)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    expect(readdirSync(path.join(dataDir, 'rollout-resources'))).toEqual([resource.id]);
  });

  test('when someone who is neither org admin nor champ asks for the resources, then NOT_ALLOWED', async () => {
    const asha = await world.person('Asha');
    await expect(listRolloutResources(rollout, asha)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when another organisation’s admin opens or removes a resource, then it does not exist for them', async () => {
    const resource = await addResource(rollout, { fileName: 'a.png', bytes: samplePng() }, admin);
    const { actor: other } = await world.orgAdmin('Femi', FABRIKAM_TENANT);
    await expect(openResource(rollout, { resourceId: resource.id }, other)).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    await expect(removeResource(rollout, { resourceId: resource.id }, other)).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  test('when the same file is added twice, then RESOURCE_ALREADY_ADDED and the second copy is not kept', async () => {
    const first = await addResource(rollout, { fileName: 'a.png', bytes: samplePng() }, admin);
    await expect(
      addResource(rollout, { fileName: 'copy.png', bytes: samplePng() }, admin),
    ).rejects.toMatchObject({ code: 'RESOURCE_ALREADY_ADDED', details: { resourceId: first.id } });
    expect(readdirSync(path.join(dataDir, 'rollout-resources'))).toEqual([first.id]);
  });

  test('when an org admin removes a resource, then its row and file are gone and the removal is audited', async () => {
    const resource = await addResource(rollout, { fileName: 'a.png', bytes: samplePng() }, admin);
    await removeResource(rollout, { resourceId: resource.id }, admin);
    expect((await listRolloutResources(rollout, admin)).custom).toEqual([]);
    const removal = await under.storage.db
      .selectFrom('audit_entries')
      .select(['actor_id', 'details'])
      .where('action', '=', 'rollout-resource.removed')
      .executeTakeFirstOrThrow();
    expect(removal.actor_id).toBe(admin.personId);
    expect(JSON.parse(removal.details)).toMatchObject({ resourceId: resource.id, title: 'a' });
    expect(readdirSync(path.join(dataDir, 'rollout-resources'))).toEqual([]);
    await expect(openResource(rollout, { resourceId: resource.id }, admin)).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  test('when a group admin asks for a poster, then its QR code holds a fresh link that joins the group', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Night shift' }, asha);
    const poster = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    expect(poster.fileName).toBe('convene-poster-night-shift.png');
    expect(poster.inviteUrl).toMatch(new RegExp(`^${BASE}/join/[A-Za-z0-9_-]{22}$`));
    // Printed posters live longer than chat invites: 90 days.
    expect(poster.expiresAt).toBe(new Date(world.clock.now().getTime() + 90 * 86_400_000).toISOString());

    const png = PNG.sync.read(Buffer.from(poster.bytes));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(poster.inviteUrl);

    const ben = await world.person('Ben');
    const token = poster.inviteUrl.split('/').pop()!;
    await expect(redeemInviteLink(world.ctx, { token }, ben)).resolves.toMatchObject({ outcome: 'joined' });
  });

  test('when posters, templates and the slideshow are made for a group, then they all show its one standing link', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Night shift' }, asha);
    const first = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    const second = await groupPoster(rollout, { groupId: group.id, format: 'pdf' }, asha);
    const templates = await groupMessageTemplates(rollout, { groupId: group.id }, asha);
    const slideshow = await slideshowLink(rollout, { groupId: group.id }, asha);
    expect(second.inviteUrl).toBe(first.inviteUrl);
    expect(templates.inviteUrl).toBe(first.inviteUrl);
    expect(slideshow.inviteUrl).toBe(first.inviteUrl);
    const links = await under.storage.db.selectFrom('invite_links').selectAll().execute();
    expect(links).toHaveLength(1);
    // Still only the hash is stored.
    expect(JSON.stringify(links)).not.toContain(first.inviteUrl.split('/').pop()!);
  });

  test('when the link is reset, then the next poster and templates show a new standing link and the old one is refused', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Night shift' }, asha);
    const before = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    await resetInviteLink(world.ctx, { groupId: group.id }, asha);
    const after = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    const templates = await groupMessageTemplates(rollout, { groupId: group.id }, asha);
    expect(after.inviteUrl).not.toBe(before.inviteUrl);
    expect(templates.inviteUrl).toBe(after.inviteUrl);
    const ben = await world.person('Ben');
    await expect(
      redeemInviteLink(world.ctx, { token: before.inviteUrl.split('/').pop()! }, ben),
    ).rejects.toMatchObject({ code: 'INVITE_REVOKED' });
    await expect(
      redeemInviteLink(world.ctx, { token: after.inviteUrl.split('/').pop()! }, ben),
    ).resolves.toMatchObject({ outcome: 'joined' });
  });

  test('when the standing link has fewer than 30 days left, then a new one is made and the old keeps working', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Night shift' }, asha);
    const old = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    world.clock.advanceDays(61);
    const fresh = await groupPoster(rollout, { groupId: group.id, format: 'png' }, asha);
    expect(fresh.inviteUrl).not.toBe(old.inviteUrl);
    await expect(
      redeemInviteLink(world.ctx, { token: old.inviteUrl.split('/').pop()! }, await world.person('Ben')),
    ).resolves.toMatchObject({ outcome: 'joined' });
  });

  test('when a plain member asks for a poster, then NOT_ALLOWED and no link is issued', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Night shift' }, asha);
    const ben = await world.person('Ben');
    const joinLink = await groupPoster(rollout, { groupId: group.id, format: 'pdf' }, asha);
    await redeemInviteLink(world.ctx, { token: joinLink.inviteUrl.split('/').pop()! }, ben);
    await expect(groupPoster(rollout, { groupId: group.id, format: 'png' }, ben)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await expect(groupPoster(rollout, { groupId: group.id, format: 'gif' }, asha)).rejects.toMatchObject({
      code: 'POSTER_FORMAT_INVALID',
    });
  });

  test('when templates are asked for a mapped group, then each carries the group, its organisation and the link', async () => {
    const group = await createGroup(world.ctx, { name: 'Drivers', organisationId }, admin);
    const filled = await groupMessageTemplates(rollout, { groupId: group.id }, admin);
    expect(filled.templates.map((t) => t.channel)).toEqual([
      'consumer-app',
      'consumer-app',
      'intranet',
      'email',
    ]);
    for (const template of filled.templates) {
      expect(template.text).toContain(filled.inviteUrl);
      expect(`${template.subject ?? ''} ${template.text}`).toContain('Drivers');
      expect(template.text).not.toMatch(/\{\{\w+\}\}/);
    }
    expect(filled.templates.find((t) => t.channel === 'email')?.subject).toBe(
      'Join "Drivers" in Microsoft Teams',
    );
    expect(filled.templates[0]!.text).toContain('Contoso');
  });

  test('when a personal group’s admin is not in any organisation, then the catalogue is refused but posters work', async () => {
    const asha = await world.person('Asha', CONTOSO_TENANT);
    const group = await createGroup(world.ctx, { name: 'Family business' }, asha);
    await expect(listRolloutResources(rollout, asha)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(groupPoster(rollout, { groupId: group.id, format: 'pdf' }, asha)).resolves.toMatchObject({
      mediaType: 'application/pdf',
    });
  });
});
