import { type GroupAction, type GroupRelation, may } from '../../../src/domain/access/permissions';

const table: Array<[GroupAction, Record<GroupRelation | 'stranger', boolean>]> = [
  ['view', { stranger: false, member: true, 'group-admin': true, champ: true, 'org-admin': true }],
  ['manage-members', { stranger: false, member: false, 'group-admin': true, champ: true, 'org-admin': true }],
  ['manage-admins', { stranger: false, member: false, 'group-admin': true, champ: false, 'org-admin': true }],
  ['invite', { stranger: false, member: false, 'group-admin': true, champ: true, 'org-admin': true }],
  [
    'map-to-organisation',
    { stranger: false, member: false, 'group-admin': true, champ: false, 'org-admin': false },
  ],
  [
    'arrange-hierarchy',
    { stranger: false, member: false, 'group-admin': false, champ: false, 'org-admin': true },
  ],
  [
    'assign-champs',
    { stranger: false, member: false, 'group-admin': false, champ: false, 'org-admin': true },
  ],
  ['provision', { stranger: false, member: false, 'group-admin': true, champ: false, 'org-admin': true }],
  ['print-slips', { stranger: false, member: false, 'group-admin': true, champ: true, 'org-admin': true }],
  ['change-photo', { stranger: false, member: false, 'group-admin': true, champ: false, 'org-admin': true }],
];

describe('who may do what', () => {
  for (const [action, expectations] of table) {
    for (const [relation, allowed] of Object.entries(expectations)) {
      test(`when a ${relation} tries to ${action}, then it is ${allowed ? 'allowed' : 'refused'}`, () => {
        const relations = new Set<GroupRelation>(relation === 'stranger' ? [] : [relation as GroupRelation]);
        expect(may(relations, action)).toBe(allowed);
      });
    }
  }
});
