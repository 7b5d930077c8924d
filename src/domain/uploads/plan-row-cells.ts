import { parentGroupColumns, userGroupColumns } from './csv-columns';
import type { ParentGroupPlanRow } from './parent-group-validator';
import type { Upload } from './upload';
import type { UserGroupPlanRow } from './user-group-validator';

const label = (cell: string): string => cell.trim().replace(/\s+/g, ' ').toLowerCase();
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A plan row written back under the file's own header, for the error report: the same columns as
 * the original (in its order), with the values as applied (phone numbers in E.164).
 */
export function planRowCells(
  upload: Pick<Upload, 'header'>,
  row: UserGroupPlanRow | ParentGroupPlanRow,
): string[] {
  const values: Record<string, string> =
    'phone' in row
      ? {
          [label(userGroupColumns[0].label)]: row.group,
          [label(userGroupColumns[1].label)]: row.phone,
          [label(userGroupColumns[2].label)]: capital(row.role),
          [label(userGroupColumns[3].label)]: row.name,
          [label(userGroupColumns[4].label)]: row.email,
          [label(userGroupColumns[6].label)]: capital(row.action),
        }
      : { [label(parentGroupColumns[0].label)]: row.parent, [label(parentGroupColumns[1].label)]: row.child };
  return upload.header.map((cell) => values[label(cell)] ?? '');
}
