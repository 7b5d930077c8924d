import { accountStateOf } from '../../../src/domain/users/account-state';
import type { UsersScope } from '../../../src/domain/users/users';
import { usersCriteria } from '../../../src/domain/users/users-criteria';

const scope: UsersScope = {
  organisationId: 'org-1',
  organisationTenantId: 'tenant-1',
  defaultRegion: 'IN',
  champId: null,
};

describe('reading a Users filter, and telling accounts apart', () => {
  test.each([
    ['+91 99885 54401', '+919988554401', '919988554401'],
    ['099885 54401', '+919988554401', '09988554401'],
    ['54401', null, '54401'],
    ['Ravi', null, null],
  ])(
    'when the search is "%s", then it is read as People without an account reads it',
    (search, phone, digits) => {
      expect(usersCriteria(scope, { search })).toMatchObject({
        text: search.toLowerCase(),
        phone,
        digits,
        scope,
      });
    },
  );

  test('when nothing is given, then nothing narrows the list but the scope', () => {
    expect(usersCriteria(scope, { search: ' ', groupId: ' ' })).toEqual({
      scope,
      text: null,
      phone: null,
      digits: null,
      groupId: null,
      account: null,
    });
  });

  test('when the search is too long or the account state unknown, then the filter is refused with a code', () => {
    expect(() => usersCriteria(scope, { search: 'x'.repeat(321) })).toThrow(
      expect.objectContaining({ code: 'USERS_FILTER_INVALID', details: { field: 'search', max: 320 } }),
    );
    expect(() => usersCriteria(scope, { account: 'someone' as never })).toThrow(
      expect.objectContaining({
        code: 'USERS_FILTER_INVALID',
        details: expect.objectContaining({ field: 'account' }),
      }),
    );
  });

  test.each([
    [{ aadObjectId: null, tenantId: null }, 'no-account'],
    [{ aadObjectId: 'aad-1', tenantId: 'tenant-1' }, 'matched'],
    [{ aadObjectId: 'aad-2', tenantId: 'tenant-2' }, 'external'],
  ] as const)('when the person is %o, then their account is %s', (person, state) => {
    expect(accountStateOf(person, 'tenant-1')).toBe(state);
  });
});
