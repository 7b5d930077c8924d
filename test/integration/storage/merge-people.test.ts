import { randomUUID } from 'node:crypto';
import { createGroup } from '../../../src/domain/groups/create-group';
import { listMyGroups } from '../../../src/domain/groups/list-groups';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { listMembers } from '../../../src/domain/memberships/list-members';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { attachPhonePersonToAccount } from '../../../src/domain/people/merge-people';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('a phone-only person becomes the Teams account that proved to be them', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
  });
  afterEach(() => under.dispose());

  const addByPhone = async (groupId: string, actor: Awaited<ReturnType<DomainWorld['person']>>) =>
    addMembersByPhone(
      world.ctx,
      { groupId, phones: ['9800000042'], region: 'IN', role: 'member', source: 'manual' },
      actor,
    );

  test('when the account already has its own record, then memberships, invites and number move to it', async () => {
    const asha = await world.person('Asha');
    const drivers = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    const kitchen = await createGroup(world.ctx, { name: 'Kitchen' }, asha);
    const identity = { tenantId: CONTOSO_TENANT, aadObjectId: randomUUID(), displayName: 'Ravi' };
    const ravi = await identifyTeamsUser(world.ctx, identity);
    await addByPhone(drivers.id, asha);
    await addByPhone(kitchen.id, asha);
    expect(await listMyGroups(world.ctx, ravi)).toEqual([]);

    const kept = await world.ctx.uow.run(async (repos) => {
      const phonePerson = (await repos.people.findByPhone('+919800000042'))!;
      return attachPhonePersonToAccount(repos, phonePerson, identity, world.clock.now());
    });

    expect(kept).toBe(ravi.personId);
    expect((await listMyGroups(world.ctx, ravi)).map((g) => g.name).sort()).toEqual(['Drivers', 'Kitchen']);
    const members = (await listMembers(world.ctx, drivers.id, asha)).members;
    expect(members).toHaveLength(2);
    expect(members.find((m) => m.personId === ravi.personId)?.person.phone).toBe('+919800000042');
    const invites = await under.storage.db.selectFrom('card_invites').select('person_id').execute();
    expect(invites.map((i) => i.person_id)).toEqual([ravi.personId, ravi.personId]);
  });

  test('when the account is new to Convene, then the phone record gains the identity', async () => {
    const asha = await world.person('Asha');
    const drivers = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    await addByPhone(drivers.id, asha);
    const identity = { tenantId: CONTOSO_TENANT, aadObjectId: randomUUID(), displayName: 'Ravi' };
    await world.ctx.uow.run(async (repos) =>
      attachPhonePersonToAccount(
        repos,
        (await repos.people.findByPhone('+919800000042'))!,
        identity,
        world.clock.now(),
      ),
    );
    const ravi = await identifyTeamsUser(world.ctx, identity);
    expect((await listMyGroups(world.ctx, ravi)).map((g) => g.name)).toEqual(['Drivers']);
  });
});
