import { assignChamp } from '../../../src/domain/champs/manage-champs';
import { createGroup } from '../../../src/domain/groups/create-group';
import { listManagedGroups } from '../../../src/domain/groups/list-managed-groups';
import { DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('champs at a glance', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
  });
  afterEach(() => under.dispose());

  test('when groups have champs, then the portal list names each group’s champs (by phone until their name is known)', async () => {
    const { actor: admin, organisation } = await world.orgAdmin('Irene');
    const sales = await createGroup(world.ctx, { name: 'Sales', organisationId: organisation.id }, admin);
    const hr = await createGroup(world.ctx, { name: 'HR', organisationId: organisation.id }, admin);
    await createGroup(world.ctx, { name: 'Drivers', organisationId: organisation.id }, admin);
    const chandra = await world.person('Chandra');
    await assignChamp(world.ctx, { groupId: sales.id, champ: { personId: chandra.personId } }, admin);
    await assignChamp(world.ctx, { groupId: sales.id, champ: { phone: '9988554405', region: 'IN' } }, admin);
    await assignChamp(world.ctx, { groupId: hr.id, champ: { personId: chandra.personId } }, admin);

    const champsOf = async () =>
      Object.fromEntries(
        (await listManagedGroups(world.ctx, admin)).groups.map((g) => [
          g.name,
          g.champs.map((c) => c.displayName ?? c.phone),
        ]),
      );
    expect(await champsOf()).toEqual({
      Drivers: [],
      HR: ['Chandra'],
      Sales: ['Chandra', '+919988554405'],
    });

    // The champ named by phone is known by name once a name reaches their record (here: set by hand,
    // as signing in or a directory match would).
    const person = await world.ctx.uow.read((repos) => repos.people.findByPhone('+919988554405'));
    await under.storage.db
      .updateTable('people')
      .set({ display_name: 'Dev Rao' })
      .where('id', '=', person!.id)
      .execute();
    expect((await champsOf()).Sales).toEqual(['Chandra', 'Dev Rao']);

    // A champ sees their own groups, with the same names.
    const asChamp = await listManagedGroups(world.ctx, chandra);
    expect(asChamp.scope).toBe('champ');
    expect(asChamp.groups.map((g) => [g.name, g.champs.map((c) => c.displayName ?? c.phone)])).toEqual([
      ['HR', ['Chandra']],
      ['Sales', ['Chandra', 'Dev Rao']],
    ]);
  });
});
