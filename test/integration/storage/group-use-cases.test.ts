import { createGroup } from '../../../src/domain/groups/create-group';
import { listMyGroups } from '../../../src/domain/groups/list-groups';
import { mapGroupToOrganisation } from '../../../src/domain/groups/map-group-to-organisation';
import { setGroupParent } from '../../../src/domain/groups/set-group-parent';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

const contoso = { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' };

describeEachDialect('groups', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
  });
  afterEach(() => under.dispose());

  test('when someone creates a group, then they are its admin and it is audited', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: '  Night  shift ' }, asha);
    expect(group.name).toBe('Night shift');
    expect(await listMyGroups(world.ctx, asha)).toEqual([
      expect.objectContaining({ id: group.id, role: 'admin', memberCount: 1, organisationId: null }),
    ]);
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 10));
    expect(audit.map((entry) => entry.action)).toEqual(['group.created']);
    expect(audit[0]!.actorId).toBe(asha.personId);
  });

  test('when a name differs only in case from one of the same owner, then GROUP_NAME_TAKEN', async () => {
    const asha = await world.person('Asha');
    const ben = await world.person('Ben');
    await createGroup(world.ctx, { name: 'Drivers' }, asha);
    await expect(createGroup(world.ctx, { name: 'DRIVERS' }, asha)).rejects.toMatchObject({
      code: 'GROUP_NAME_TAKEN',
    });
    // Personal groups of different people never clash.
    await expect(createGroup(world.ctx, { name: 'drivers' }, ben)).resolves.toMatchObject({
      name: 'drivers',
    });
  });

  test('when two org admins race to create the same name, then exactly one wins', async () => {
    const { actor: admin, organisation } = await world.orgAdmin('Ira');
    const attempts = await Promise.allSettled(
      ['Sales', 'SALES', 'sales'].map((name) =>
        createGroup(world.ctx, { name, organisationId: organisation.id }, admin),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'GROUP_NAME_TAKEN' });
    }
  });

  test('when the hierarchy would loop, then HIERARCHY_CYCLE lists the loop and nothing changes', async () => {
    const { actor: admin, organisation } = await world.orgAdmin('Ira');
    const org = { organisationId: organisation.id };
    const all = await createGroup(world.ctx, { name: 'Contoso – All', ...org }, admin);
    const sales = await createGroup(world.ctx, { name: 'Sales', parentId: all.id, ...org }, admin);
    const east = await createGroup(world.ctx, { name: 'Sales (East)', parentId: sales.id, ...org }, admin);
    await expect(
      setGroupParent(world.ctx, { groupId: all.id, parentId: east.id }, admin),
    ).rejects.toMatchObject({
      code: 'HIERARCHY_CYCLE',
      details: { path: ['Contoso – All', 'Sales', 'Sales (East)', 'Contoso – All'] },
    });
    const unchanged = await world.ctx.uow.run((repos) => repos.groups.findById(all.id));
    expect(unchanged?.parentId).toBeNull();
    const ancestors = await world.ctx.uow.run((repos) => repos.groups.ancestors(east.id));
    expect(ancestors.map((g) => g.name)).toEqual(['Sales', 'Contoso – All']);
  });

  test('when another organisation names one of our groups as a parent or maps it, then NOT_ALLOWED says nothing about it', async () => {
    const contosoAdmin = await world.orgAdmin('Ira');
    const fabrikamAdmin = await world.orgAdmin('Femi', FABRIKAM_TENANT);
    const secret = await createGroup(
      world.ctx,
      { name: 'Board room', organisationId: contosoAdmin.organisation.id },
      contosoAdmin.actor,
    );
    const ours = await createGroup(
      world.ctx,
      { name: 'Fabrikam crew', organisationId: fabrikamAdmin.organisation.id },
      fabrikamAdmin.actor,
    );
    const refusals = [
      () =>
        createGroup(
          world.ctx,
          { name: 'Sneaky', organisationId: fabrikamAdmin.organisation.id, parentId: secret.id },
          fabrikamAdmin.actor,
        ),
      () => setGroupParent(world.ctx, { groupId: ours.id, parentId: secret.id }, fabrikamAdmin.actor),
      () =>
        mapGroupToOrganisation(
          world.ctx,
          { groupId: secret.id, organisation: { ...contoso, tenantId: FABRIKAM_TENANT } },
          fabrikamAdmin.actor,
        ),
    ];
    for (const refusal of refusals) {
      const error = await refusal().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'NOT_ALLOWED' });
      expect(
        JSON.stringify({
          message: (error as Error).message,
          details: (error as { details: unknown }).details,
        }),
      ).not.toContain('Board room');
    }
  });

  test('when a group admin who is not an org admin arranges the hierarchy, then NOT_ALLOWED', async () => {
    const { actor: admin, organisation } = await world.orgAdmin('Ira');
    const parent = await createGroup(world.ctx, { name: 'Parent', organisationId: organisation.id }, admin);
    const asha = await world.person('Asha');
    await expect(
      createGroup(world.ctx, { name: 'Child', organisationId: organisation.id, parentId: parent.id }, asha),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when an admin maps a group with a signed-in account, then it belongs to their tenant for good', async () => {
    const asha = await world.person('Asha');
    const group = await createGroup(world.ctx, { name: 'Warehouse' }, asha);
    const { organisation } = await mapGroupToOrganisation(
      world.ctx,
      { groupId: group.id, organisation: contoso },
      asha,
    );
    expect(organisation.tenantId).toBe(CONTOSO_TENANT);
    const [summary] = await listMyGroups(world.ctx, asha);
    expect(summary?.organisationId).toBe(organisation.id);
    await expect(
      mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha),
    ).rejects.toMatchObject({ code: 'GROUP_ALREADY_MAPPED' });
  });

  test('when the actor is not signed in to that tenant, then mapping needs an organisation account', async () => {
    const asha = await world.person('Asha', FABRIKAM_TENANT);
    const group = await createGroup(world.ctx, { name: 'Warehouse' }, asha);
    await expect(
      mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, asha),
    ).rejects.toMatchObject({ code: 'ORGANISATION_ACCOUNT_REQUIRED' });
    await expect(
      mapGroupToOrganisation(
        world.ctx,
        { groupId: group.id, organisation: contoso },
        { ...asha, tenantId: null },
      ),
    ).rejects.toMatchObject({ code: 'ORGANISATION_ACCOUNT_REQUIRED' });
  });

  test('when a member who is not an admin maps the group, then NOT_ALLOWED', async () => {
    const asha = await world.person('Asha');
    const ben = await world.person('Ben');
    const group = await createGroup(world.ctx, { name: 'Warehouse' }, asha);
    await world.ctx.uow.run((repos) =>
      repos.memberships.insert({
        groupId: group.id,
        personId: ben.personId,
        role: 'member',
        source: 'link',
        state: 'joined',
        invitedBy: asha.personId,
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      }),
    );
    await expect(
      mapGroupToOrganisation(world.ctx, { groupId: group.id, organisation: contoso }, ben),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when mapping would clash with an organisation group of the same name, then GROUP_NAME_TAKEN', async () => {
    const { actor: admin, organisation } = await world.orgAdmin('Ira');
    await createGroup(world.ctx, { name: 'Warehouse', organisationId: organisation.id }, admin);
    const asha = await world.person('Asha');
    const personal = await createGroup(world.ctx, { name: 'warehouse' }, asha);
    await expect(
      mapGroupToOrganisation(world.ctx, { groupId: personal.id, organisation: contoso }, asha),
    ).rejects.toMatchObject({ code: 'GROUP_NAME_TAKEN' });
    const still = await world.ctx.uow.run((repos) => repos.groups.findById(personal.id));
    expect(still?.organisationId).toBeNull();
  });
});
