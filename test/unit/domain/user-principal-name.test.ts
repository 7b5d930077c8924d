import { planAccounts } from '../../../src/domain/accounts/plan-accounts';
import {
  upnLocalPart,
  upnPatternProblem,
  userPrincipalName,
} from '../../../src/domain/accounts/user-principal-name';

describe('sign-in names from a pattern', () => {
  test.each([
    ['{first}.{last}', 'Asha Rao', 'asha.rao'],
    ['{first}.{last}', 'José  Ñúñez García', 'jose.garcia'],
    ['{f}{last}', 'Ravi Kumar', 'rkumar'],
    ['{first}.{last}', 'Meena', 'meena'],
    ['{first}_{l}', "D'Souza Anil", 'dsouza_a'],
    ['{last}-{first}', 'Asha   Rao ', 'rao-asha'],
  ])('when the pattern is %s and the name %s, then the local part is %s', (pattern, name, expected) => {
    expect(upnLocalPart(pattern, name)).toBe(expected);
  });

  test('when the name has no Latin letters or digits, then there is no sign-in name to make', () => {
    expect(upnLocalPart('{first}.{last}', 'राम कुमार')).toBeUndefined();
  });

  test.each([
    ['', 'The pattern must have 1 to 60 characters.'],
    ['asha', 'The pattern needs {first} or {last} (or {f} / {l}).'],
    [
      '{first} {last}',
      'Besides the placeholders, the pattern may hold only letters, digits, dots, dashes and underscores.',
    ],
    [
      '{first}@{last}',
      'Besides the placeholders, the pattern may hold only letters, digits, dots, dashes and underscores.',
    ],
  ])('when the pattern is "%s", then it is refused: %s', (pattern, problem) => {
    expect(upnPatternProblem(pattern)).toBe(problem);
  });

  test('when the suffix is 1, then the name has none; from 2 on it is appended', () => {
    expect(userPrincipalName('asha.rao', 1, 'contoso.com')).toBe('asha.rao@contoso.com');
    expect(userPrincipalName('asha.rao', 3, 'contoso.com')).toBe('asha.rao3@contoso.com');
  });
});

describe('planning accounts', () => {
  const settings = {
    enabled: true,
    upnPattern: '{first}.{last}',
    domain: 'contoso.com',
    licenceGroupId: null,
    usageLocationFallback: 'IN',
    updatedAt: null,
  };

  test('when two people of a run share a name, then the second gets a suffix; a person without a name is never named by their number', () => {
    const plans = planAccounts(
      [
        { personId: 'a', phone: '+447400123456', displayName: 'Asha Rao' },
        { personId: 'b', phone: '+919988554401', displayName: 'asha rao' },
        { personId: 'c', phone: '+919988554402', displayName: null },
      ],
      settings,
    );
    expect(plans.map((p) => [p.status, p.userPrincipalName, p.usageLocation, p.displayName])).toEqual([
      ['create', 'asha.rao@contoso.com', 'GB', 'Asha Rao'],
      ['create', 'asha.rao2@contoso.com', 'IN', 'asha rao'],
      ['needs-name', null, 'IN', null],
    ]);
  });
});
