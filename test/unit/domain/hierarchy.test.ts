import type { Group } from '../../../src/domain/groups/group';
import { HierarchyCycle, HierarchyOutsideOrganisation } from '../../../src/domain/groups/group.errors';
import { assertMayAttach } from '../../../src/domain/groups/hierarchy';

const group = (id: string, parentId: string | null = null, organisationId: string | null = 'org'): Group => ({
  id,
  name: id.toUpperCase(),
  parentId,
  organisationId,
  createdBy: 'p',
  createdAt: '2026-01-01T00:00:00Z',
});

describe('assertMayAttach', () => {
  const all = group('all');
  const sales = group('sales', 'all');
  const east = group('east', 'sales');

  test('when the parent is elsewhere in the tree, then the child may hang under it', () => {
    expect(() => assertMayAttach(group('hr'), east, [sales, all])).not.toThrow();
  });

  test('when a group would be its own parent, then HIERARCHY_CYCLE names it twice', () => {
    expect(() => assertMayAttach(sales, sales, [all])).toThrow(new HierarchyCycle(['SALES', 'SALES']));
  });

  test('when a group would hang under its own descendant, then the whole loop is listed top-down', () => {
    try {
      assertMayAttach(all, east, [sales, all]);
      throw new Error('expected a cycle');
    } catch (error) {
      expect(error).toBeInstanceOf(HierarchyCycle);
      expect((error as HierarchyCycle).path).toEqual(['ALL', 'SALES', 'EAST', 'ALL']);
      expect((error as HierarchyCycle).message).toBe(
        'That would make a loop in the hierarchy: ALL › SALES › EAST › ALL.',
      );
    }
  });

  test('when either group is personal or they are in different organisations, then it is refused', () => {
    expect(() => assertMayAttach(group('x', null, null), all, [])).toThrow(HierarchyOutsideOrganisation);
    expect(() => assertMayAttach(group('x', null, 'other'), all, [])).toThrow(HierarchyOutsideOrganisation);
  });
});
