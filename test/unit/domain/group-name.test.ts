import {
  GROUP_NAME_MAX_LENGTH,
  groupNameKey,
  groupScopeKey,
  normaliseGroupName,
} from '../../../src/domain/groups/group';
import { GroupNameEmpty, GroupNameTooLong } from '../../../src/domain/groups/group.errors';

describe('group names', () => {
  test.each([
    ['  Contoso – Sales (East) ', 'Contoso – Sales (East)'],
    ['Sales\t\tTeam', 'Sales Team'],
    ['Night\nShift', 'Night Shift'],
    ['साझा समूह', 'साझा समूह'],
  ])('when the name is %j, then it is stored as %j', (input, expected) => {
    expect(normaliseGroupName(input)).toBe(expected);
  });

  test.each(['', '   ', '\t\n'])('when the name is %j, then GROUP_NAME_EMPTY', (input) => {
    expect(() => normaliseGroupName(input)).toThrow(GroupNameEmpty);
  });

  test('when the name is one character too long, then GROUP_NAME_TOO_LONG says the limit', () => {
    expect(() => normaliseGroupName('x'.repeat(GROUP_NAME_MAX_LENGTH))).not.toThrow();
    expect(() => normaliseGroupName('x'.repeat(GROUP_NAME_MAX_LENGTH + 1))).toThrow(GroupNameTooLong);
    expect(() => normaliseGroupName('x'.repeat(GROUP_NAME_MAX_LENGTH + 1))).toThrow(
      `at most ${GROUP_NAME_MAX_LENGTH}`,
    );
  });

  test('when names differ only in case or width, then their keys are equal', () => {
    expect(groupNameKey('SALES East')).toBe(groupNameKey('sales east'));
    expect(groupNameKey('ＳＡＬＥＳ')).toBe(groupNameKey('sales'));
  });

  test('when a group is personal, then its names are scoped to its creator; else to its organisation', () => {
    expect(groupScopeKey({ organisationId: null, createdBy: 'p1' })).toBe('personal:p1');
    expect(groupScopeKey({ organisationId: 'o1', createdBy: 'p1' })).toBe('org:o1');
  });
});
