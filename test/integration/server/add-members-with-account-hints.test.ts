import { type AppHarness, startHarness } from '../../support/app-harness';
import { describeEachDialect } from '../../support/storages';

describeEachDialect('adding people by phone with an e-mail address or employee ID', ({ dialect }) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' }, { dialect });
  });
  afterAll(() => h.close());

  const people = (phones: string[]) =>
    h.app.storage.db
      .selectFrom('people')
      .select(['phone', 'display_name', 'email', 'employee_id'])
      .where('phone', 'in', phones)
      .orderBy('phone')
      .execute();

  test('when people come with a name, an e-mail address and an employee ID, then they are added and keep them for the directory lookup', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Loading bay' })).body.group;
    const added = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [
        {
          phone: '+91 98000 00001',
          name: '  Asha   Rao ',
          email: 'Asha.Rao@Contoso.example',
          employeeId: 'E-1',
        },
        { phone: '098000 00002' },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['added', 'added']);
    expect(await people(['+919800000001', '+919800000002'])).toEqual([
      {
        phone: '+919800000001',
        display_name: 'Asha Rao',
        email: 'asha.rao@contoso.example',
        employee_id: 'E-1',
      },
      { phone: '+919800000002', display_name: null, email: null, employee_id: null },
    ]);

    // Told again later, for someone already a member: what was given is updated, an empty value erases nothing.
    const again = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [{ phone: '+919800000001', email: 'asha@contoso.example' }],
    });
    expect(again.body.results[0].outcome).toBe('already-member');
    expect((await people(['+919800000001']))[0]).toMatchObject({
      email: 'asha@contoso.example',
      employee_id: 'E-1',
    });
  });

  test('when an e-mail address is not one, or phones and people are both sent, then the request is refused and nobody is added', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Cold store' })).body.group;
    const bad = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [{ phone: '+919800000003' }, { phone: '+919800000004', email: 'not an address' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'ACCOUNT_HINT_INVALID',
      message: 'The e-mail address given for +919800000004 is not an e-mail address.',
    });
    const both = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      phones: ['+919800000003'],
      people: [{ phone: '+919800000004' }],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('BODY_INVALID');
    const tooLong = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [{ phone: '+919800000004', employeeId: 'E'.repeat(65) }],
    });
    expect(tooLong.body.error.code).toBe('BODY_INVALID');
    expect(await people(['+919800000003', '+919800000004'])).toEqual([]);
  });
});
