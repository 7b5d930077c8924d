import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import type { Group } from '../../../src/domain/groups/group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { changeMemberRole } from '../../../src/domain/memberships/change-member-role';
import { listMembers } from '../../../src/domain/memberships/list-members';
import { removeMember } from '../../../src/domain/memberships/remove-member';
import { DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('memberships', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let asha: Actor;
  let group: Group;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    asha = await world.person('Asha');
    group = await createGroup(world.ctx, { name: 'Drivers' }, asha);
  });
  afterEach(() => under.dispose());

  const add = (phones: string[], actor: Actor = asha, role: 'admin' | 'member' = 'member') =>
    addMembersByPhone(world.ctx, { groupId: group.id, phones, region: 'IN', role, source: 'manual' }, actor);

  test('when numbers are added, then each gets its own result and bad ones do not stop good ones', async () => {
    const results = await add(['9988554401', '9988554402', '12']);
    expect(results.map((r) => r.outcome)).toEqual(['added', 'added', 'invalid']);
    expect(results[2]).toMatchObject({ code: 'PHONE_INVALID', reason: expect.stringContaining('too short') });
    const members = (await listMembers(world.ctx, group.id, asha)).members;
    expect(members.map((m) => [m.person.phone, m.role, m.state])).toEqual([
      [null, 'admin', 'joined'],
      ['+919988554401', 'member', 'invited'],
      ['+919988554402', 'member', 'invited'],
    ]);
  });

  test('when an existing member is added again, in any spelling, then nothing changes', async () => {
    await add(['9988554401']);
    const again = await add(['+91 99885 54401', '099885-54401']);
    expect(again.map((r) => r.outcome)).toEqual(['already-member', 'already-member']);
    expect((await listMembers(world.ctx, group.id, asha)).members).toHaveLength(2);
    const audit = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 50));
    expect(audit.filter((e) => e.action === 'member.added')).toHaveLength(1);
  });

  test('when the region is unknown, then REGION_INVALID and nobody is added', async () => {
    await expect(
      addMembersByPhone(
        world.ctx,
        { groupId: group.id, phones: ['9988554401'], region: 'XX', role: 'member', source: 'manual' },
        asha,
      ),
    ).rejects.toMatchObject({ code: 'REGION_INVALID' });
    expect((await listMembers(world.ctx, group.id, asha)).members).toHaveLength(1);
  });

  test('when a stranger or a plain member adds people, then NOT_ALLOWED', async () => {
    const stranger = await world.person('Sam');
    await expect(add(['9988554401'], stranger)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when a champ adds members, then it works; when a champ adds an admin, then NOT_ALLOWED', async () => {
    const champ = await world.person('Chandra');
    await world.ctx.uow.run((repos) => repos.roles.addChamp(group.id, champ.personId));
    await expect(add(['9988554401'], champ)).resolves.toEqual([
      expect.objectContaining({ outcome: 'added' }),
    ]);
    await expect(add(['9988554402'], champ, 'admin')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when the last admin is demoted or removed, then LAST_ADMIN; with a second admin, then it works', async () => {
    const me = { personId: asha.personId };
    await expect(
      changeMemberRole(world.ctx, { groupId: group.id, member: me, role: 'member' }, asha),
    ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(removeMember(world.ctx, { groupId: group.id, member: me }, asha)).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    await add(['9988554401']);
    const ben = { phone: '9988554401', region: 'IN' };
    expect(
      await changeMemberRole(world.ctx, { groupId: group.id, member: ben, role: 'admin' }, asha),
    ).toEqual({
      changed: true,
    });
    expect(
      await changeMemberRole(world.ctx, { groupId: group.id, member: ben, role: 'admin' }, asha),
    ).toEqual({
      changed: false,
    });
    await changeMemberRole(world.ctx, { groupId: group.id, member: me, role: 'member' }, asha);
    const roles = (await listMembers(world.ctx, group.id, asha)).members.map((m) => [m.person.phone, m.role]);
    expect(roles).toEqual([
      ['+919988554401', 'admin'],
      [null, 'member'],
    ]);
  });

  test('when both admins step down or leave at the same moment, then exactly one succeeds and the other gets LAST_ADMIN', async () => {
    const ben = await world.person('Ben');
    const moves = {
      demote: (actor: Actor) =>
        changeMemberRole(
          world.ctx,
          { groupId: group.id, member: { personId: actor.personId }, role: 'member' },
          actor,
        ),
      leave: (actor: Actor) =>
        removeMember(world.ctx, { groupId: group.id, member: { personId: actor.personId } }, actor),
    };
    const rounds = [
      ['demote', 'demote'],
      ['leave', 'leave'],
      ['demote', 'leave'],
      ['leave', 'demote'],
      ['demote', 'demote'],
      ['leave', 'leave'],
    ] as const;
    for (const [first, second] of rounds) {
      // Both are admins again before each round.
      await world.ctx.uow.run(async (repos) => {
        for (const person of [asha, ben]) {
          await repos.memberships.remove(group.id, person.personId);
          await repos.memberships.insert({
            groupId: group.id,
            personId: person.personId,
            role: 'admin',
            source: 'manual',
            state: 'joined',
            invitedBy: null,
            createdAt: '2026-01-05T09:00:00.000Z',
            updatedAt: '2026-01-05T09:00:00.000Z',
          });
        }
      });
      const outcomes = await Promise.allSettled([moves[first](asha), moves[second](ben)]);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason.code] : []));
      expect({ round: [first, second], refused }).toEqual({
        round: [first, second],
        refused: ['LAST_ADMIN'],
      });
      const admins = await world.ctx.uow.run((repos) => repos.memberships.countAdmins(group.id));
      expect(admins).toBe(1);
    }
  });

  test('when someone who is not in the group is removed, then NOT_A_MEMBER names the number', async () => {
    await expect(
      removeMember(world.ctx, { groupId: group.id, member: { phone: '9988554409', region: 'IN' } }, asha),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER', message: expect.stringContaining('+919988554409') });
  });

  test('when a member leaves, then they need no rights; when they remove someone else, then NOT_ALLOWED', async () => {
    const ben = await world.person('Ben');
    const cara = await world.person('Cara');
    for (const person of [ben, cara]) {
      await world.ctx.uow.run((repos) =>
        repos.memberships.insert({
          groupId: group.id,
          personId: person.personId,
          role: 'member',
          source: 'link',
          state: 'joined',
          invitedBy: null,
          createdAt: '2026-01-05T09:00:00.000Z',
          updatedAt: '2026-01-05T09:00:00.000Z',
        }),
      );
    }
    await expect(
      removeMember(world.ctx, { groupId: group.id, member: { personId: cara.personId } }, ben),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await removeMember(world.ctx, { groupId: group.id, member: { personId: ben.personId } }, ben);
    expect((await listMembers(world.ctx, group.id, asha)).members.map((m) => m.personId)).toEqual([
      asha.personId,
      cara.personId,
    ]);
  });

  test('when a use case fails halfway, then nothing it wrote is kept', async () => {
    const before = await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 50));
    await expect(
      world.ctx.uow.run(async (repos) => {
        await repos.memberships.setRole(group.id, asha.personId, 'member', '2026-01-06T00:00:00Z');
        await repos.groups.insert({ ...group }); // duplicate id: the database refuses
      }),
    ).rejects.toBeDefined();
    const members = (await listMembers(world.ctx, group.id, asha)).members;
    expect(members[0]?.role).toBe('admin');
    expect(await world.ctx.uow.run((repos) => repos.audit.listByGroup(group.id, 50))).toHaveLength(
      before.length,
    );
  });
});
