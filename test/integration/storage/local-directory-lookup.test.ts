import { randomUUID } from 'node:crypto';
import { LocalDirectory } from '../../../src/infra/directory/local-directory';
import { CONTOSO_TENANT, FABRIKAM_TENANT } from '../../support/domain-world';
import { describeEachDialect, type StorageUnderTest } from '../../support/storages';

describeEachDialect('the local directory finds people Convene knows with an account', (dialect) => {
  let under: StorageUnderTest;
  beforeEach(async () => {
    under = await dialect.open();
  });
  afterEach(() => under.dispose());

  test('when asked by sign-in name (any case) or number, then the person with that identity answers, only in their tenant', async () => {
    const aadObjectId = randomUUID();
    await under.storage.db
      .insertInto('people')
      .values({
        id: randomUUID(),
        phone: '+919800000001',
        tenant_id: CONTOSO_TENANT,
        aad_object_id: aadObjectId,
        display_name: 'Dev',
        user_principal_name: 'Dev@Contoso.example',
        created_at: new Date().toISOString(),
      })
      .execute();
    const directory = new LocalDirectory(under.storage.db, CONTOSO_TENANT, [], 'IN');
    const queries = [
      { key: 'by-name', phone: null, email: 'dev@contoso.example', employeeId: null },
      { key: 'by-phone', phone: '+919800000001', email: null, employeeId: null },
      { key: 'nobody', phone: '+919800000002', email: 'x@contoso.example', employeeId: 'E-1' },
    ];
    const found = await directory.findPeople(CONTOSO_TENANT, queries);
    expect(Object.fromEntries([...found].map(([k, m]) => [k, [m.user.aadObjectId, m.field]]))).toEqual({
      'by-name': [aadObjectId, 'userPrincipalName'],
      'by-phone': [aadObjectId, 'mobilePhone'],
    });
    expect(found.get('by-name')!.user.userPrincipalName).toBe('Dev@Contoso.example');
    expect((await directory.findPeople(FABRIKAM_TENANT, queries)).size).toBe(0);
  });
});
