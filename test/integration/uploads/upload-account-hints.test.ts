import { randomUUID } from 'node:crypto';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { applyUserGroupRows } from '../../../src/domain/uploads/apply-user-group-rows';
import type { UserGroupPlanRow } from '../../../src/domain/uploads/user-group-validator';
import { CONTOSO_TENANT, DomainWorld } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('a User Group Mapping upload keeps e-mail addresses and employee IDs', (dialect) => {
  let under: StorageUnderTest;
  let world: DomainWorld;
  beforeEach(async () => {
    under = await dialect.open();
    world = new DomainWorld(under.storage);
  });
  afterEach(() => under.dispose());

  const row = (line: number, phone: string, email: string, employeeId: string): UserGroupPlanRow => ({
    line,
    group: 'Night shift',
    phone,
    role: 'member',
    action: 'add',
    name: '',
    email,
    employeeId,
  });

  test('when rows give them, then new people and people without an account keep them, and someone linked to an account keeps what the account says', async () => {
    const { actor, organisation } = await world.orgAdmin('Ira');
    // Known before the upload: one by phone only (with an older e-mail), one signed in through Teams.
    await under.storage.db
      .insertInto('people')
      .values({
        id: randomUUID(),
        phone: '+919800000002',
        created_at: new Date().toISOString(),
        email: 'old@contoso.example',
        employee_id: 'E-2',
      })
      .execute();
    const signedIn = await identifyTeamsUser(world.ctx, {
      tenantId: CONTOSO_TENANT,
      aadObjectId: randomUUID(),
      displayName: 'Dev',
    });
    await under.storage.db
      .updateTable('people')
      .set({ phone: '+919800000003', user_principal_name: 'dev@contoso.example' })
      .where('id', '=', signedIn.personId)
      .execute();

    const rows = [
      row(2, '+919800000001', 'asha.rao@contoso.example', 'E-10442'),
      row(3, '+919800000002', 'ben@contoso.example', ''),
      row(4, '+919800000003', 'someone.else@contoso.example', 'E-9'),
    ];
    const apply = () =>
      world.ctx.uow.run((repos) =>
        applyUserGroupRows(
          repos,
          { now: world.clock.now(), actor, organisationId: organisation.id, jobId: randomUUID() },
          rows,
        ),
      );
    const people = () =>
      under.storage.db
        .selectFrom('people')
        .select(['phone', 'email', 'employee_id', 'user_principal_name'])
        .where('phone', 'in', ['+919800000001', '+919800000002', '+919800000003'])
        .orderBy('phone')
        .execute();

    expect((await apply()).counts.membersAdded).toBe(3);
    const expected = [
      {
        phone: '+919800000001',
        email: 'asha.rao@contoso.example',
        employee_id: 'E-10442',
        user_principal_name: null,
      },
      // An empty cell does not erase what Convene was told before.
      { phone: '+919800000002', email: 'ben@contoso.example', employee_id: 'E-2', user_principal_name: null },
      { phone: '+919800000003', email: null, employee_id: null, user_principal_name: 'dev@contoso.example' },
    ];
    expect(await people()).toEqual(expected);

    // The same file again changes nothing.
    expect((await apply()).counts.unchanged).toBe(3);
    expect(await people()).toEqual(expected);
  });
});
