import type { Actor } from '../../../src/domain/access/actor';
import { assignChamp } from '../../../src/domain/champs/manage-champs';
import { createGroup } from '../../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import { removeMember } from '../../../src/domain/memberships/remove-member';
import type { Organisation } from '../../../src/domain/organisations/organisation';
import { addPersonToGroups } from '../../../src/domain/users/add-person-to-groups';
import { exportUsers } from '../../../src/domain/users/export-users';
import { listUsers } from '../../../src/domain/users/list-users';
import { removePersonFromAllGroups } from '../../../src/domain/users/remove-person-from-groups';
import { resendPersonInvites } from '../../../src/domain/users/resend-person-invites';
import type { UsersFilter } from '../../../src/domain/users/users';
import { viewPerson } from '../../../src/domain/users/view-person';
import { CONTOSO_TENANT, DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('Users: finding a person across groups, and their page', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  let admin: Actor;
  let organisation: Organisation;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
    ({ actor: admin, organisation } = await world.orgAdmin('Priya'));
  });
  afterEach(() => under.dispose());

  const orgGroup = (name: string) => createGroup(world.ctx, { name, organisationId: organisation.id }, admin);
  const add = (groupId: string, phones: string[], role: 'member' | 'admin' = 'member', region = 'IN') =>
    addMembersByPhone(world.ctx, { groupId, phones, region, role, source: 'manual' }, admin);
  const list = (filter: UsersFilter = {}, by: Actor = admin, limit = 50, after?: string | null) =>
    listUsers(world.ctx, { filter, limit, after }, by);
  const phones = async (filter: UsersFilter, by: Actor = admin) =>
    (await list(filter, by)).users.map((u) => u.phone);
  const personId = (phone: string) =>
    world.ctx.uow.run(async (repos) => (await repos.people.findByPhone(phone))!.id);
  const setPerson = (phone: string, changes: Record<string, string>) =>
    world.ctx.uow.run(async (repos) => {
      const person = (await repos.people.findByPhone(phone))!;
      await repos.people.update(person.id, changes);
    });

  /** Sales (Ravi, Asha), Kitchen (Ravi, Meena) with Chandra as Kitchen's champ. */
  async function organisationWithPeople() {
    const sales = await orgGroup('Sales');
    const kitchen = await orgGroup('Kitchen');
    await add(sales.id, ['9988554401', '9988554402']);
    await add(kitchen.id, ['9988554401', '9988554403']);
    await setPerson('+919988554401', {
      displayName: 'Ravi Kumar',
      email: 'ravi.k@contoso.com',
      employeeId: 'EMP-0042',
    });
    await setPerson('+919988554402', { displayName: 'Asha Rao' });
    await setPerson('+919988554403', { displayName: 'Meena Iyer' });
    const champ = await world.person('Chandra');
    await assignChamp(world.ctx, { groupId: kitchen.id, champ: { personId: champ.personId } }, admin);
    return { sales, kitchen, champ };
  }

  test('when an org admin opens Users, then everyone in the organisation’s groups is listed once with their groups and roles', async () => {
    const { sales, kitchen } = await organisationWithPeople();
    // Another organisation's group and someone's personal group hold people this organisation must not see.
    const fabrikam = await world.orgAdmin('Fiona', FABRIKAM_TENANT);
    const depot = await createGroup(
      world.ctx,
      { name: 'Depot', organisationId: fabrikam.organisation.id },
      fabrikam.actor,
    );
    await addMembersByPhone(
      world.ctx,
      { groupId: depot.id, phones: ['9988554409'], region: 'IN', role: 'member', source: 'manual' },
      fabrikam.actor,
    );

    const page = await list();

    // Priya created both groups, so she is their admin and listed too.
    expect(page.total).toBe(4);
    expect(page.scope).toBe('organisation');
    const ravi = page.users.find((u) => u.displayName === 'Ravi Kumar')!;
    expect(ravi).toMatchObject({
      phone: '+919988554401',
      account: 'no-account',
      groupCount: 2,
      groups: [
        { id: kitchen.id, name: 'Kitchen', role: 'member', state: 'invited' },
        { id: sales.id, name: 'Sales', role: 'member', state: 'invited' },
      ],
    });
    const priya = page.users.find((u) => u.personId === admin.personId)!;
    expect(priya).toMatchObject({ account: 'matched', groups: [{ role: 'admin' }, { role: 'admin' }] });
    expect(page.users.map((u) => u.phone)).not.toContain('+919988554409');
  });

  test.each([
    ['+91 99885 54401', 'the number in international form'],
    ['099885 54401', 'the number with a trunk zero'],
    ['(0) 99885-54401', 'brackets and dashes'],
    ['54401', 'the last digits'],
    ['RAVI', 'the name in another case'],
    ['ravi.k@contoso', 'part of the e-mail'],
    ['emp-0042', 'the employee id'],
  ])('when an org admin searches for %s (%s), then only that person is found', async (search) => {
    await organisationWithPeople();
    expect(await phones({ search })).toEqual(['+919988554401']);
  });

  test('when the list is read page by page, then every person comes once, the total is the same and the page size is bounded', async () => {
    const sales = await orgGroup('Sales');
    await add(
      sales.id,
      Array.from({ length: 7 }, (_, i) => `99885544${10 + i}`),
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await list({}, admin, 3, after);
      expect(page.total).toBe(8);
      expect(page.users.length).toBeLessThanOrEqual(3);
      seen.push(...page.users.map((u) => u.personId));
      after = page.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(8);
    expect((await list({}, admin, 10_000)).users).toHaveLength(8);
  });

  test('when a champ opens Users, then only the people of the groups they steward are listed, with only those groups', async () => {
    const { sales, champ } = await organisationWithPeople();
    const page = await list({}, champ);
    expect(page.scope).toBe('champ');
    expect(page.users.map((u) => u.displayName).sort()).toEqual(['Meena Iyer', 'Priya', 'Ravi Kumar']);
    const ravi = page.users.find((u) => u.displayName === 'Ravi Kumar')!;
    expect(ravi.groups.map((g) => g.name)).toEqual(['Kitchen']);
    expect(ravi.groupCount).toBe(1);
    // Asha is only in Sales: the champ cannot find her, by search or by her page.
    expect(await phones({ search: 'asha' }, champ)).toEqual([]);
    await expect(viewPerson(world.ctx, await personId('+919988554402'), champ)).rejects.toMatchObject({
      code: 'PERSON_NOT_FOUND',
    });
    expect((await list({ groupId: sales.id }, champ)).total).toBe(0);
  });

  test('when a plain member or a stranger asks, then they are refused without learning anyone’s name', async () => {
    const { sales } = await organisationWithPeople();
    const member = await world.person('Mo');
    await expect(list({}, member)).rejects.toMatchObject({ code: 'NOT_ALLOWED', kind: 'forbidden' });
    await expect(exportUsers(world.ctx, {}, member)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(viewPerson(world.ctx, admin.personId, member)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    // Even a group's own admin is not an org admin or a champ.
    const ravi = await personId('+919988554401');
    await expect(
      addPersonToGroups(world.ctx, { personId: ravi, groupIds: [sales.id], role: 'member' }, member),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const fabrikam = await world.orgAdmin('Fiona', FABRIKAM_TENANT);
    await expect(viewPerson(world.ctx, ravi, fabrikam.actor)).rejects.toMatchObject({
      code: 'PERSON_NOT_FOUND',
    });
  });

  test('when filtered by account, then matched, external and phone-only people are told apart', async () => {
    await organisationWithPeople();
    await setPerson('+919988554402', { aadObjectId: 'aad-asha', tenantId: CONTOSO_TENANT });
    await setPerson('+919988554403', { aadObjectId: 'aad-meena', tenantId: FABRIKAM_TENANT });
    expect(await phones({ account: 'no-account' })).toEqual(['+919988554401']);
    expect(await phones({ account: 'external' })).toEqual(['+919988554403']);
    expect((await list({ account: 'matched' })).users.map((u) => u.displayName).sort()).toEqual([
      'Asha Rao',
      'Priya',
    ]);
    await expect(list({ account: 'whatever' as never })).rejects.toMatchObject({
      code: 'USERS_FILTER_INVALID',
    });
    await expect(list({ search: 'x'.repeat(321) })).rejects.toMatchObject({ code: 'USERS_FILTER_INVALID' });
  });

  test('when an org admin opens a person page, then it shows each group’s role, invitation, card invite, the account and the last lookup', async () => {
    const { sales, kitchen } = await organisationWithPeople();
    const ravi = await personId('+919988554401');
    await world.ctx.uow.run((repos) =>
      repos.unmatchedPeople.recordLookup([ravi], 'not-found', '2026-01-04T10:00:00.000Z'),
    );
    const page = await viewPerson(world.ctx, ravi, admin);
    expect(page).toMatchObject({
      person: { id: ravi, displayName: 'Ravi Kumar', phone: '+919988554401', employeeId: 'EMP-0042' },
      account: 'no-account',
      lastLookup: { at: '2026-01-04T10:00:00.000Z', outcome: 'not-found' },
      groupTotal: 2,
      scope: 'organisation',
    });
    expect(page.groups).toEqual([
      expect.objectContaining({
        groupId: kitchen.id,
        groupName: 'Kitchen',
        role: 'member',
        state: 'invited',
        source: 'manual',
        addedBy: 'Priya',
        cardInvite: expect.objectContaining({ state: 'queued' }),
        allowed: { remove: true, resendInvite: true },
      }),
      expect.objectContaining({ groupId: sales.id, groupName: 'Sales' }),
    ]);
  });

  test('when a person is added to groups, then each group answers for itself and new memberships get an invite card', async () => {
    const { sales, kitchen, champ } = await organisationWithPeople();
    const depot = await orgGroup('Depot');
    const meena = await personId('+919988554403');

    const outcomes = await addPersonToGroups(
      world.ctx,
      { personId: meena, groupIds: [depot.id, kitchen.id], role: 'member' },
      admin,
    );
    expect(outcomes).toEqual([
      { groupId: depot.id, outcome: 'added' },
      { groupId: kitchen.id, outcome: 'already-member' },
    ]);
    const page = await viewPerson(world.ctx, meena, admin);
    expect(page.groups.find((g) => g.groupId === depot.id)).toMatchObject({
      state: 'invited',
      cardInvite: { state: 'queued' },
    });

    // A champ adds only to the groups they steward, and never as admin.
    const byChamp = await addPersonToGroups(
      world.ctx,
      { personId: meena, groupIds: [sales.id], role: 'member' },
      champ,
    );
    expect(byChamp).toEqual([
      expect.objectContaining({ groupId: sales.id, outcome: 'refused', code: 'NOT_ALLOWED' }),
    ]);
    const asAdmin = await addPersonToGroups(
      world.ctx,
      { personId: meena, groupIds: [kitchen.id], role: 'admin' },
      champ,
    );
    expect(asAdmin[0]).toMatchObject({ outcome: 'refused', code: 'NOT_ALLOWED' });

    // A group of another organisation is refused without its name.
    const fabrikam = await world.orgAdmin('Fiona', FABRIKAM_TENANT);
    const theirs = await createGroup(
      world.ctx,
      { name: 'Their depot', organisationId: fabrikam.organisation.id },
      fabrikam.actor,
    );
    const foreign = await addPersonToGroups(
      world.ctx,
      { personId: meena, groupIds: [theirs.id], role: 'member' },
      admin,
    );
    expect(foreign[0]).toMatchObject({ outcome: 'refused', code: 'NOT_ALLOWED' });
    expect(JSON.stringify(foreign)).not.toContain('Their depot');
  });

  test('when a person is removed from all groups, then a group whose last admin they are keeps them and says why', async () => {
    const { sales, kitchen } = await organisationWithPeople();
    const depot = await orgGroup('Depot');
    await add(depot.id, ['9988554401'], 'admin');
    // Priya steps down from Depot: Ravi is now its only admin.
    await removeMember(world.ctx, { groupId: depot.id, member: { personId: admin.personId } }, admin);
    const ravi = await personId('+919988554401');

    const outcomes = await removePersonFromAllGroups(world.ctx, ravi, admin);

    expect(outcomes).toEqual([
      { groupId: depot.id, outcome: 'refused', code: 'LAST_ADMIN', reason: expect.stringContaining('Depot') },
      { groupId: kitchen.id, outcome: 'removed' },
      { groupId: sales.id, outcome: 'removed' },
    ]);
    const page = await viewPerson(world.ctx, ravi, admin);
    expect(page.groups.map((g) => [g.groupName, g.role])).toEqual([['Depot', 'admin']]);
  });

  test('when a champ removes someone from all groups, then only the champ’s groups let them go', async () => {
    const { sales, kitchen, champ } = await organisationWithPeople();
    const ravi = await personId('+919988554401');
    expect(await removePersonFromAllGroups(world.ctx, ravi, champ)).toEqual([
      { groupId: kitchen.id, outcome: 'removed' },
    ]);
    expect((await viewPerson(world.ctx, ravi, admin)).groups.map((g) => g.groupId)).toEqual([sales.id]);
  });

  test('when invites are resent, then every group not yet joined queues the card again and a declined invitation is open again', async () => {
    const { sales, kitchen } = await organisationWithPeople();
    const ravi = await personId('+919988554401');
    await world.ctx.uow.run(async (repos) => {
      await repos.memberships.setState(sales.id, ravi, 'declined', world.clock.now().toISOString());
      await repos.memberships.setState(kitchen.id, ravi, 'joined', world.clock.now().toISOString());
    });
    const outcomes = await resendPersonInvites(world.ctx, { personId: ravi }, admin);
    expect(outcomes).toEqual([{ groupId: sales.id, outcome: 'resent' }]);
    const page = await viewPerson(world.ctx, ravi, admin);
    expect(page.groups.find((g) => g.groupId === sales.id)).toMatchObject({ state: 'invited' });
    expect(await resendPersonInvites(world.ctx, { personId: ravi, groupIds: [kitchen.id] }, admin)).toEqual([
      { groupId: kitchen.id, outcome: 'not-needed' },
    ]);
  });

  test('when the list is exported, then the CSV has a line per person and a name cannot run as a formula', async () => {
    await organisationWithPeople();
    await setPerson('+919988554402', { displayName: '=HYPERLINK("x")' });
    let csv = '';
    for await (const line of await exportUsers(world.ctx, { search: '99885' }, admin)) csv += line;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Name,Phone Number,Email,Employee ID,Sign-in name,Account,Groups,Group count');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('Ravi Kumar'))).toContain(
      'Kitchen (member, invited); Sales (member, invited)',
    );
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^"'=HYPERLINK/);
  });
});
