import { type Kysely, sql } from 'kysely';
import { createGroup } from '../../../src/domain/groups/create-group';
import type { InvitationState, Membership } from '../../../src/domain/memberships/membership';
import { newPerson } from '../../../src/domain/people/person';
import { newId } from '../../../src/domain/shared/ids';
import { recountGroupMembers } from '../../../src/infra/storage/migrations/0016-group-member-counts';
import { DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect("groups' member counts kept by the database", (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
  });
  afterEach(() => under.dispose());

  const at = '2026-12-01T09:00:00.000Z';
  const membership = (groupId: string, personId: string, state: InvitationState): Membership => ({
    groupId,
    personId,
    role: 'member',
    source: 'manual',
    state,
    invitedBy: null,
    createdAt: at,
    updatedAt: at,
  });
  const people = async (n: number) => {
    const made = Array.from({ length: n }, (_, i) =>
      newPerson({ id: newId(), phone: `+9197${String(10_000_000 + i).padStart(8, '0')}`, createdAt: at }),
    );
    await world.ctx.uow.run((repos) => repos.bulk.insertPeople(made));
    return made.map((p) => p.id);
  };
  /** What the stored counts say, beside what counting the memberships says, for each group. */
  const storedAndCounted = async (groupIds: string[]) => {
    const stored = await world.ctx.uow.read((repos) => repos.memberships.countStates(groupIds));
    const counted = await under.storage.db
      .selectFrom('memberships')
      .select(['group_id', 'state', sql<number>`count(*)`.as('n')])
      .where('group_id', 'in', groupIds)
      .groupBy(['group_id', 'state'])
      .execute();
    const sorted = (rows: Array<{ groupId: string; state: string; count: number }>) =>
      [...rows].sort((a, b) => `${a.groupId}${a.state}`.localeCompare(`${b.groupId}${b.state}`));
    return {
      stored: sorted(stored),
      counted: sorted(counted.map((r) => ({ groupId: r.group_id, state: r.state, count: Number(r.n) }))),
    };
  };

  test('when memberships are added one at a time and in bulk, change state, move and go, then the counts follow every write', async () => {
    const asha = await world.person('Asha');
    const drivers = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    const kitchen = await createGroup(world.ctx, { name: 'Kitchen' }, asha);
    const ids = await people(600);

    // Bulk: one statement's worth of rows across two groups.
    await world.ctx.uow.run((repos) =>
      repos.bulk.insertMemberships([
        ...ids.slice(0, 500).map((id) => membership(drivers.id, id, 'invited')),
        ...ids.slice(400, 600).map((id, i) => membership(kitchen.id, id, i % 4 === 0 ? 'joined' : 'invited')),
      ]),
    );
    // One at a time, state changes, a removal.
    await world.ctx.uow.run(async (repos) => {
      await repos.memberships.insert(membership(kitchen.id, ids[0]!, 'declined'));
      await repos.memberships.setState(drivers.id, ids[1]!, 'joined', at);
      await repos.memberships.setState(drivers.id, ids[2]!, 'declined', at);
      await repos.memberships.setState(drivers.id, ids[3]!, 'invited', at); // unchanged
      await repos.memberships.remove(drivers.id, ids[4]!);
    });
    // A merge: ids[450] is in both groups, ids[5] only in Drivers; the merged person keeps one of each.
    await world.ctx.uow.run((repos) => repos.people.mergeInto(ids[450]!, ids[5]!));

    const { stored, counted } = await storedAndCounted([drivers.id, kitchen.id]);
    expect(stored).toEqual(counted);
    const of = (groupId: string, state: InvitationState) =>
      stored.find((c) => c.groupId === groupId && c.state === state)?.count ?? 0;
    expect(of(drivers.id, 'joined')).toBe(2); // Asha, the creator, and ids[1]
    expect(of(drivers.id, 'declined')).toBe(1);
    expect(of(kitchen.id, 'declined')).toBe(1);
  });

  test('when the counts are introduced on a database that has groups, then they start from a fresh count', async () => {
    const asha = await world.person('Asha');
    const drivers = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    const ids = await people(20);
    await world.ctx.uow.run((repos) =>
      repos.bulk.insertMemberships(
        ids.map((id, i) => membership(drivers.id, id, i < 5 ? 'joined' : 'invited')),
      ),
    );
    await under.storage.db.updateTable('groups').set({ invited_count: 0, joined_count: 0 }).execute();
    await recountGroupMembers(under.storage.db as unknown as Kysely<unknown>);
    const { stored, counted } = await storedAndCounted([drivers.id]);
    expect(stored).toEqual(counted);
    expect(stored.map((c) => c.count).sort((a, b) => a - b)).toEqual([6, 15]);
  });

  test('when a transaction that counted is rolled back, then so are its counts', async () => {
    const asha = await world.person('Asha');
    const drivers = await createGroup(world.ctx, { name: 'Drivers' }, asha);
    const ids = await people(3);
    await expect(
      world.ctx.uow.run(async (repos) => {
        await repos.bulk.insertMemberships(ids.map((id) => membership(drivers.id, id, 'invited')));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { stored, counted } = await storedAndCounted([drivers.id]);
    expect(stored).toEqual(counted);
    expect(stored).toEqual([{ groupId: drivers.id, state: 'joined', count: 1 }]);
  });
});
