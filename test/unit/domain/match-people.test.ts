import type { DirectoryQuery } from '../../../src/domain/directory/directory.port';
import { type DirectoryCandidate, matchPeople } from '../../../src/domain/directory/match-people';
import { readEmail, readEmployeeId } from '../../../src/domain/people/account-hints';

const account = (id: string, fields: Partial<Omit<DirectoryCandidate, 'user'>>): DirectoryCandidate => ({
  user: {
    tenantId: 't',
    aadObjectId: id,
    displayName: null,
    userPrincipalName: fields.userPrincipalName ?? null,
  },
  mobilePhone: null,
  businessPhones: [],
  mail: null,
  userPrincipalName: null,
  employeeId: null,
  ...fields,
});
const query = (known: Partial<DirectoryQuery>): DirectoryQuery => ({
  key: 'p',
  phone: null,
  email: null,
  employeeId: null,
  ...known,
});
const accounts = [
  account('a', { userPrincipalName: 'Asha@Contoso.example', mobilePhone: '+919800000001' }),
  account('b', { mail: 'ben@contoso.example', employeeId: 'E-2', businessPhones: ['+919800000100'] }),
  account('c', { employeeId: 'E-3', mobilePhone: '+919800000003', businessPhones: ['+919800000100'] }),
  account('d', { mobilePhone: '+919800000009' }),
  account('e', { mobilePhone: '+919800000009' }),
];

describe('matching people to accounts', () => {
  test.each([
    ['the sign-in name, in any case', { email: 'asha@contoso.EXAMPLE' }, ['a', 'userPrincipalName']],
    ['the mail address', { email: 'ben@contoso.example' }, ['b', 'mail']],
    ['the employee id, in any case', { employeeId: 'e-3' }, ['c', 'employeeId']],
    ['the mobile number', { phone: '+919800000003' }, ['c', 'mobilePhone']],
    [
      'the e-mail before a number that names someone else',
      { email: 'ben@contoso.example', phone: '+919800000001' },
      ['b', 'mail'],
    ],
    [
      'the employee id before a mobile number',
      { employeeId: 'E-2', phone: '+919800000003' },
      ['b', 'employeeId'],
    ],
    ['a shared business number: nobody', { phone: '+919800000100' }, undefined],
    ['a mobile number two accounts hold: nobody', { phone: '+919800000009' }, undefined],
    ['nothing known: nobody', {}, undefined],
  ])('when matching by %s, then the answer is %j', (_what, known, expected) => {
    const match = matchPeople([query(known)], accounts).get('p');
    expect(match && [match.user.aadObjectId, match.field]).toEqual(expected);
  });
});

describe('reading what admins give to find an account', () => {
  test.each([
    ['', null],
    ['  Asha.Rao@Contoso.com ', 'asha.rao@contoso.com'],
    ['asha@contoso', { refused: 'not-an-email' }],
    ['asha\u0000@contoso.com', { refused: 'not-an-email' }],
    [`${'a'.repeat(250)}@c.io`, { refused: 'too-long' }],
  ])('when the e-mail address is %j, then it reads %j', (raw, expected) => {
    expect(readEmail(raw)).toEqual(expected);
  });

  test.each([
    ['', null],
    [' E-10442 ', 'E-10442'],
    ['வ-42', 'வ-42'],
    ['E\t7', { refused: 'not-printable' }],
    ['E\u200b7', { refused: 'not-printable' }],
    ['9'.repeat(64), '9'.repeat(64)],
    ['9'.repeat(65), { refused: 'too-long' }],
  ])('when the employee ID is %j, then it reads %j', (raw, expected) => {
    expect(readEmployeeId(raw)).toEqual(expected);
  });
});
