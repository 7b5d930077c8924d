import { groupNameKey, normaliseGroupName } from '../groups/group';
import { HierarchyCycle } from '../groups/group.errors';
import { DomainError } from '../shared/domain-error';
import { matchColumns, parentGroupColumns } from './csv-columns';
import type { CsvRecord } from './csv-records';
import { problem, problemCodes } from './upload-problem';
import { type CountingSink, DRAIN_EVERY_ROWS } from './validation';

/** The groups a parent mapping may name: the organisation's, and those a companion upload creates. */
export interface KnownGroups {
  /** Organisation groups by name key, with their current parent's name key. */
  organisation: ReadonlyMap<string, { name: string; parentKey: string | null }>;
  /** Name keys of groups that the companion User Group Mapping upload will create. */
  companion: ReadonlySet<string>;
}

/** A Parent Group Mapping row as the plan file stores it. */
export interface ParentGroupPlanRow {
  line: number;
  parent: string;
  child: string;
}

export const fromParentGroupPlanFields = (fields: string[]): ParentGroupPlanRow => ({
  line: Number(fields[0]),
  parent: fields[1] ?? '',
  child: fields[2] ?? '',
});

interface Row {
  line: number;
  cells: string[];
  parent: string;
  child: string;
  parentKey: string;
  childKey: string;
  valid: boolean;
}

/**
 * Validates a Parent Group Mapping file. Such files list groups, not people, so they are small: the
 * rows are kept in memory to check the hierarchy as a whole: unknown groups, a child given two
 * parents, a group made its own parent, and loops, including loops closed through parents the
 * organisation already has.
 */
export async function validateParentGroupRecords(
  records: AsyncIterable<CsvRecord>,
  known: KnownGroups,
  sink: CountingSink,
): Promise<{ header: string[]; rowsTotal: number; rowsValid: number; groupCount: number }> {
  let header: string[] = [];
  let headerSeen = false;
  let columns: ReturnType<typeof matchColumns<'parent' | 'child'>>;
  const rows: Row[] = [];
  const names = new Map<string, string>();
  const parentOf = new Map<string, Row>();
  const pairs = new Map<string, number>();

  for await (const { line, cells } of records) {
    if (!headerSeen) {
      headerSeen = true;
      header = cells.map((cell) => cell.trim());
      columns = matchColumns(parentGroupColumns, line, cells, (p) => sink.problem(p));
      if (!columns) break;
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    if ((rows.length + 1) % DRAIN_EVERY_ROWS === 0) await sink.drain();
    const at = columns!.index;
    const label = (key: 'parent' | 'child') => columns!.header[at[key]] ?? key;
    const row: Row = { line, cells, parent: '', child: '', parentKey: '', childKey: '', valid: true };
    rows.push(row);
    const fail = (
      column: string | null,
      code: string,
      message: string,
      details?: Record<string, unknown>,
    ) => {
      row.valid = false;
      sink.problem(problem(line, column, code, 'error', message, details), cells);
    };
    for (const key of ['parent', 'child'] as const) {
      try {
        row[key] = normaliseGroupName(cells[at[key]] ?? '');
        row[`${key}Key`] = groupNameKey(row[key]);
        names.set(row[`${key}Key`], row[key]);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        fail(label(key), error.code, error.message, error.details);
      }
    }
    if (!row.valid) continue;
    for (const key of ['parent', 'child'] as const) {
      const nameKey = row[`${key}Key`];
      if (!known.organisation.has(nameKey) && !known.companion.has(nameKey)) {
        fail(
          label(key),
          problemCodes.unknownGroup,
          `There is no group "${row[key]}" in your organisation${known.companion.size > 0 ? ' or in the user mapping file' : ''}: check the spelling or create it first.`,
          {
            group: row[key],
          },
        );
      }
    }
    if (row.parentKey === row.childKey) {
      fail(null, problemCodes.selfParent, `"${row.child}" cannot be its own parent.`, { group: row.child });
    }
    if (!row.valid) continue;
    const pair = `${row.parentKey}\u0000${row.childKey}`;
    const repeated = pairs.get(pair);
    if (repeated !== undefined) {
      row.valid = false;
      sink.problem(
        problem(
          line,
          null,
          problemCodes.duplicateRow,
          'warning',
          `Repeats line ${repeated}; it is applied once.`,
          { firstLine: repeated },
        ),
      );
      continue;
    }
    pairs.set(pair, line);
    const other = parentOf.get(row.childKey);
    if (other) {
      fail(
        label('parent'),
        problemCodes.twoParents,
        `"${row.child}" already gets the parent "${other.parent}" on line ${other.line}; a group has one parent.`,
        {
          group: row.child,
          parents: [other.parent, row.parent],
          lines: [other.line, line],
        },
      );
      continue;
    }
    parentOf.set(row.childKey, row);
  }

  if (!headerSeen) {
    sink.problem(
      problem(
        null,
        null,
        problemCodes.fileEmpty,
        'error',
        'The file is empty: download the template, fill in one row per child group and upload it.',
        { kind: 'parent-group' },
      ),
    );
  } else if (columns && rows.length === 0) {
    sink.problem(
      problem(
        null,
        null,
        problemCodes.noRows,
        'error',
        'The file has a header but no rows: add one row per child group.',
        { kind: 'parent-group' },
      ),
    );
  }

  reportCycles(parentOf, known, names, sink);
  let rowsValid = 0;
  for (const row of rows) {
    if (!row.valid) continue;
    rowsValid++;
    sink.planRow([String(row.line), row.parent, row.child]);
  }
  return { header, rowsTotal: rows.length, rowsValid, groupCount: names.size };
}

/**
 * Walks up from every child in the file through the combined hierarchy (the file's parents win over
 * the organisation's current ones) and reports each loop once, on every file row that closes it.
 */
function reportCycles(
  fileParents: Map<string, Row>,
  known: KnownGroups,
  names: Map<string, string>,
  sink: CountingSink,
): void {
  const parentKey = (key: string): string | null =>
    fileParents.get(key)?.parentKey ?? known.organisation.get(key)?.parentKey ?? null;
  const nameOf = (key: string): string => names.get(key) ?? known.organisation.get(key)?.name ?? key;
  const settled = new Set<string>();
  for (const start of fileParents.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null = start;
    while (current !== null && !settled.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = parentKey(current);
    }
    if (current !== null && onPath.has(current)) {
      // `loop` climbs from child to parent; written top-down from the group it started at: A › B › C › A.
      const loop = path.slice(onPath.get(current)!);
      const topDown = [loop[0]!, ...loop.slice(1).reverse()];
      const namesInLoop = [...topDown, topDown[0]!].map(nameOf);
      const loopRows = loop.map((key) => fileParents.get(key)).filter((row): row is Row => row !== undefined);
      const lines = loopRows.map((row) => row.line).sort((a, b) => a - b);
      const message = new HierarchyCycle(namesInLoop).message;
      for (const row of loopRows) {
        row.valid = false;
        sink.problem(
          problem(
            row.line,
            null,
            problemCodes.cycle,
            'error',
            `${message} (lines ${lines.join(', ')}${loopRows.length < loop.length ? ', with the current hierarchy' : ''})`,
            {
              groups: namesInLoop,
              lines,
            },
          ),
          row.cells,
        );
      }
    }
    for (const key of path) settled.add(key);
  }
}
