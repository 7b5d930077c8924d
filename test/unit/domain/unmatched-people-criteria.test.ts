import type { Organisation } from '../../../src/domain/organisations/organisation';
import { unmatchedPeopleCriteria } from '../../../src/domain/unmatched-people/unmatched-people-criteria';

const contoso: Organisation = {
  id: 'org-1',
  tenantId: 'tenant-1',
  displayName: 'Contoso',
  defaultRegion: 'IN',
  createdAt: '2026-01-05T09:00:00.000Z',
};

describe('reading an org admin’s filter of People without an account', () => {
  test.each([
    ['+91 99885 54401', '+919988554401', '919988554401'],
    ['099885 54401', '+919988554401', '09988554401'],
    ['9988554401', '+919988554401', '9988554401'],
    ['54401', null, '54401'],
    ['44', null, null],
    ['Ravi 2', null, null],
    ['ravi@contoso.com', null, null],
  ])('when the search is "%s", then the whole number is %s and the digits %s', (search, phone, digits) => {
    const criteria = unmatchedPeopleCriteria(contoso, { search });
    expect({ phone: criteria.phone, digits: criteria.digits }).toEqual({ phone, digits });
    expect(criteria.text).toBe(search.toLowerCase());
  });

  test('when nothing is given, then nothing narrows the list', () => {
    expect(unmatchedPeopleCriteria(contoso, { search: '  ', groupId: ' ', region: '' })).toEqual({
      organisationId: 'org-1',
      text: null,
      phone: null,
      digits: null,
      groupId: null,
      region: null,
    });
  });

  test('when the region is written in lower case, then it is read; an unknown one is refused with a code', () => {
    expect(unmatchedPeopleCriteria(contoso, { region: ' ca ' }).region).toBe('CA');
    expect(() => unmatchedPeopleCriteria(contoso, { region: 'XX' })).toThrow(
      expect.objectContaining({ code: 'PEOPLE_FILTER_INVALID' }),
    );
    expect(() => unmatchedPeopleCriteria(contoso, { search: 'x'.repeat(321) })).toThrow(
      expect.objectContaining({ code: 'PEOPLE_FILTER_INVALID' }),
    );
  });
});
