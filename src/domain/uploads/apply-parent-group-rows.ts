import type { Actor } from '../access/actor';
import { assertMay, type GroupRelation } from '../access/permissions';
import { auditEntry } from '../audit/audit-entry';
import { groupScopeKey } from '../groups/group';
import { GroupNotFound } from '../groups/group.errors';
import { assertMayAttach } from '../groups/hierarchy';
import { DomainError } from '../shared/domain-error';
import type { Repositories } from '../shared/unit-of-work.port';
import type { BatchResult, RowFailure } from './apply-user-group-rows';
import type { ParentGroupPlanRow } from './parent-group-validator';
import type { RowOutcome } from './row-outcome';

const orgAdmin: ReadonlySet<GroupRelation> = new Set(['org-admin']);

/**
 * Applies Parent Group Mapping rows one by one, each through the hierarchy rule the interactive
 * "set parent" uses (same organisation, no loops, checked against the hierarchy as it is now).
 */
export async function applyParentGroupRows(
  repos: Repositories,
  context: { now: Date; actor: Actor; organisationId: string; jobId: string },
  rows: ParentGroupPlanRow[],
): Promise<BatchResult> {
  const counts = { parentsSet: 0, unchanged: 0, failed: 0 };
  const failures: RowFailure[] = [];
  const outcomes: RowOutcome[] = [];
  const scope = groupScopeKey({ organisationId: context.organisationId, createdBy: context.actor.personId });
  for (const [index, row] of rows.entries()) {
    const said = (outcome: RowOutcome['outcome'], extra?: Pick<RowOutcome, 'code' | 'message'>) =>
      outcomes.push({ index, outcome, group: row.child, parent: row.parent, ...extra });
    try {
      const child = await repos.groups.findByName(scope, row.child);
      if (!child) throw new GroupNotFound(row.child);
      const parent = await repos.groups.findByName(scope, row.parent);
      if (!parent) throw new GroupNotFound(row.parent);
      assertMay(orgAdmin, 'arrange-hierarchy', child.name);
      assertMayAttach(child, parent, await repos.groups.ancestors(parent.id));
      if (child.parentId === parent.id) {
        counts.unchanged++;
        said('parent-already-set');
        continue;
      }
      await repos.groups.setParent(child.id, parent.id);
      await repos.audit.append(
        auditEntry(
          context.now,
          context.actor.personId,
          'group.parent-set',
          child.id,
          { from: child.parentId, to: parent.id },
          context.jobId,
        ),
      );
      counts.parentsSet++;
      said('parent-set');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      counts.failed++;
      failures.push({ index, code: error.code, message: error.message });
      said('failed', { code: error.code, message: error.message });
    }
  }
  return { counts, failures, outcomes };
}
