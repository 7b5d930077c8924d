import type { Actor } from '../../../src/domain/access/actor';
import { createGroup } from '../../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../../src/domain/memberships/add-members-by-phone';
import type { Organisation } from '../../../src/domain/organisations/organisation';
import { exportUnmatchedPeople } from '../../../src/domain/unmatched-people/export-unmatched-people';
import { listUnmatchedPeople } from '../../../src/domain/unmatched-people/list-unmatched-people';
import type { UnmatchedPeopleFilter } from '../../../src/domain/unmatched-people/unmatched-people';
import { DomainWorld, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('People without an account: the list an org admin reads', (dialect) => {
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

  const orgGroup = (name: string, by: Actor = admin) =>
    createGroup(world.ctx, { name, organisationId: organisation.id }, by);
  const add = (groupId: string, phones: string[], by: Actor = admin, region = 'IN') =>
    addMembersByPhone(world.ctx, { groupId, phones, region, role: 'member', source: 'manual' }, by);
  const list = (filter: UnmatchedPeopleFilter = {}, limit = 50, after?: string | null, by: Actor = admin) =>
    listUnmatchedPeople(world.ctx, { filter, limit, after }, by);
  const phones = async (filter: UnmatchedPeopleFilter) => (await list(filter)).people.map((p) => p.phone);
  const setPerson = (phone: string, changes: Record<string, string>) =>
    world.ctx.uow.run(async (repos) => {
      const person = (await repos.people.findByPhone(phone))!;
      await repos.people.update(person.id, changes);
    });

  test('when people are added by phone to the organisation’s groups, then each is listed once with groups, who added them and since when', async () => {
    const sales = await orgGroup('Sales');
    const kitchen = await orgGroup('Kitchen');
    await add(sales.id, ['9988554401', '9988554402']);
    world.clock.advanceDays(2);
    await add(kitchen.id, ['9988554401']);
    // A personal group of someone else, and another organisation's group: not this organisation's people.
    const stranger = await world.person('Sam');
    const personal = await createGroup(world.ctx, { name: 'Cricket' }, stranger);
    await add(personal.id, ['9988554409'], stranger);
    const fabrikam = await world.orgAdmin('Fiona', FABRIKAM_TENANT);
    const theirs = await createGroup(
      world.ctx,
      { name: 'Depot', organisationId: fabrikam.organisation.id },
      fabrikam.actor,
    );
    await add(theirs.id, ['9988554408'], fabrikam.actor);

    const page = await list();

    expect(page.total).toBe(2);
    expect(page.nextCursor).toBeNull();
    const ravi = page.people.find((p) => p.phone === '+919988554401')!;
    expect(ravi).toMatchObject({
      region: 'IN',
      groups: [
        { id: kitchen.id, name: 'Kitchen' },
        { id: sales.id, name: 'Sales' },
      ],
      groupCount: 2,
      addedBy: { personId: admin.personId, name: 'Priya' },
      addedThrough: 'manual',
      since: '2026-01-05T09:00:00.000Z',
      lastLookup: null,
    });
    expect(page.people.map((p) => p.phone).sort()).toEqual(['+919988554401', '+919988554402']);
    expect((await list({}, 50, null, fabrikam.actor)).people.map((p) => p.phone)).toEqual(['+919988554408']);
  });

  test('when a person is linked to an account, then they leave the list', async () => {
    const sales = await orgGroup('Sales');
    await add(sales.id, ['9988554401', '9988554402']);
    await setPerson('+919988554402', { aadObjectId: 'aad-2', tenantId: organisation.tenantId });
    expect(await phones({})).toEqual(['+919988554401']);
  });

  test.each([
    ['+91 99885 54401', 'the number in international form'],
    ['099885 54401', 'the number with a trunk zero'],
    ['9988554401', 'the national number'],
    ['(0) 99885-54401', 'brackets and dashes'],
    ['54401', 'the last digits'],
    ['RAVI', 'the name in another case'],
    ['ravi.k@contoso', 'part of the e-mail'],
    ['emp-0042', 'the employee id'],
  ])('when an org admin searches for %s (%s), then only that person is found', async (search) => {
    const sales = await orgGroup('Sales');
    await add(sales.id, ['9988554401', '9988554402', '9988554403']);
    await setPerson('+919988554401', {
      displayName: 'Ravi Kumar',
      email: 'ravi.k@contoso.com',
      employeeId: 'EMP-0042',
    });
    await setPerson('+919988554402', { displayName: 'Asha' });
    expect(await phones({ search })).toEqual(['+919988554401']);
  });

  test('when the search holds LIKE wildcards, then they are taken literally', async () => {
    const sales = await orgGroup('Sales');
    await add(sales.id, ['9988554401']);
    expect(await phones({ search: '%' })).toEqual([]);
    expect(await phones({ search: '_' })).toEqual([]);
  });

  test('when filtered by group or region, then only those people are listed and counted', async () => {
    const sales = await orgGroup('Sales');
    const kitchen = await orgGroup('Kitchen');
    await add(sales.id, ['9988554401', '9988554402']);
    await add(kitchen.id, ['9988554403']);
    await add(kitchen.id, ['+1 202 555 0143', '+1 416 555 0123'], admin, 'US');

    expect((await phones({ groupId: kitchen.id })).sort()).toEqual([
      '+12025550143',
      '+14165550123',
      '+919988554403',
    ]);
    // Canada and the United States share +1: the region is the number's own, not its calling code.
    expect(await phones({ region: 'us' })).toEqual(['+12025550143']);
    expect(await phones({ region: 'CA' })).toEqual(['+14165550123']);
    expect((await list({ region: 'IN' })).total).toBe(3);
    expect(await phones({ region: 'IN', groupId: kitchen.id })).toEqual(['+919988554403']);
    await expect(list({ region: 'XX' })).rejects.toMatchObject({ code: 'PEOPLE_FILTER_INVALID' });
  });

  test('when the list is read page by page, then every person comes once and the last page says so', async () => {
    const sales = await orgGroup('Sales');
    await add(
      sales.id,
      Array.from({ length: 7 }, (_, i) => `99885544${10 + i}`),
    );
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    do {
      const page = await list({}, 3, after);
      expect(page.total).toBe(7);
      sizes.push(page.people.length);
      seen.push(...page.people.map((p) => p.phone));
      after = page.nextCursor;
    } while (after);
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
  });

  test('when someone who is not an org admin asks, then they are refused without a word about the people', async () => {
    const sales = await orgGroup('Sales');
    await add(sales.id, ['9988554401']);
    const member = await world.person('Meena');
    await add(sales.id, ['9988554402'], admin);
    await expect(list({}, 50, null, member)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      kind: 'forbidden',
    });
    await expect(exportUnmatchedPeople(world.ctx, {}, member)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  test('when the list is exported, then the CSV has a row per person and a name cannot run as a formula', async () => {
    const sales = await orgGroup('Sales');
    await add(sales.id, ['9988554401', '9988554402']);
    await setPerson('+919988554401', {
      displayName: '=HYPERLINK("http://evil.example","Ravi")',
      email: 'r@contoso.com',
    });
    let csv = '';
    for await (const line of await exportUnmatchedPeople(world.ctx, {}, admin)) csv += line;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Phone Number,Region,Email,Employee ID,Groups,Group count,Added by,Added through,Since,Last lookup,Last lookup outcome',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Ravi"")",+919988554401,IN,r@contoso.com,,Sales,1,Priya,manual,2026-01-05T09:00:00.000Z,,`,
    );
  });
});
