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

  test('when a name is given by phone or in a CSV, then it fills in members without one, and never replaces an existing name or a Microsoft 365 account’s', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Dispatch' })).body.group;
    await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [
        { phone: '+919800000011' },
        { phone: '+919800000012', name: 'Ravi' },
        { phone: '+919800000013' },
      ],
    });
    // The third has signed in with their Microsoft 365 account, which has no name to give.
    await h.app.storage.db
      .updateTable('people')
      .set({ aad_object_id: '00000000-0000-4000-8000-000000000013', tenant_id: 'contoso' })
      .where('phone', '=', '+919800000013')
      .execute();

    const again = await h.request('POST', `/api/v1/groups/${group.id}/members`, {
      people: [
        { phone: '+919800000011', name: 'Meera' },
        { phone: '+919800000012', name: 'Someone else' },
        { phone: '+919800000013', name: 'Not from the account' },
      ],
    });
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'already-member',
      'already-member',
      'already-member',
    ]);
    const names = async () =>
      (await people(['+919800000011', '+919800000012', '+919800000013', '+919800000014'])).map((p) => [
        p.phone,
        p.display_name,
      ]);
    expect(await names()).toEqual([
      ['+919800000011', 'Meera'],
      ['+919800000012', 'Ravi'],
      ['+919800000013', null],
    ]);

    await h.request('POST', `/api/v1/groups/${group.id}/members`, { people: [{ phone: '+919800000014' }] });
    const form = new FormData();
    form.set('kind', 'user-group');
    form.set(
      'file',
      new Blob([
        'Group Name,Phone Number,User Type,Name\nDispatch,+919800000014,Member,Kiran\nDispatch,+919800000012,Member,Other\nDispatch,+919800000013,Member,Other\n',
      ]),
      'names.csv',
    );
    const response = await fetch(`${h.app.url}/api/v1/uploads`, { method: 'POST', body: form });
    const uploaded = (await response.json()) as { job: { id: string } };
    await h.request('POST', `/api/v1/uploads/${uploaded.job.id}/apply`, {});
    for (let i = 0; i < 200; i++) {
      const { body } = await h.request('GET', `/api/v1/jobs/${uploaded.job.id}`);
      if (body.job.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await names()).toEqual([
      ['+919800000011', 'Meera'],
      ['+919800000012', 'Ravi'],
      ['+919800000013', null],
      ['+919800000014', 'Kiran'],
    ]);
  });
});
