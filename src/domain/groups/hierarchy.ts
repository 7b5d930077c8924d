import type { Group } from './group';
import { HierarchyCycle, HierarchyOutsideOrganisation } from './group.errors';

/**
 * Checks that `child` may hang under `parent`, given the parent's ancestors (nearest first).
 * Hierarchy is an organisation feature: both groups must belong to the same organisation.
 */
export function assertMayAttach(child: Group, parent: Group, parentAncestors: Group[]): void {
  if (!child.organisationId || child.organisationId !== parent.organisationId) {
    throw new HierarchyOutsideOrganisation(child.name, parent.name);
  }
  const chain = [parent, ...parentAncestors];
  const loopAt = chain.findIndex((group) => group.id === child.id);
  if (loopAt >= 0) {
    // The child is already above the parent: walking down from it reaches the parent, then the child again.
    const path = [child, ...chain.slice(0, loopAt).reverse(), child].map((group) => group.name);
    throw new HierarchyCycle(path);
  }
}
