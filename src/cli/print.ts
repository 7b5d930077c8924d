import type { Upload } from '../domain/uploads/upload';
import type { Problem } from '../domain/uploads/upload-problem';

/** One problem as a person reads it in a terminal. */
export function problemLine(p: Problem): string {
  const where = [p.line !== null ? `line ${p.line}` : 'file', p.column ? `column "${p.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${p.severity.toUpperCase().padEnd(7)} ${where}: ${p.message} [${p.code}]`;
}

/** A job's status, progress and counts in a few lines. */
export function jobLines(u: Upload): string[] {
  const c = u.counts;
  const lines = [
    `${u.id}  ${u.status}  ${u.fileName} (${u.kind}, sha256 ${u.sha256.slice(0, 12)}…)`,
    `  uploaded ${u.uploadedAt}; ${u.rowsTotal} rows, ${u.rowsValid} valid, ${u.errorCount} errors, ${u.warningCount} warnings; progress ${u.rowsDone}/${u.rowsValid}`,
  ];
  if (u.status !== 'ready' && u.status !== 'invalid' && u.status !== 'validating') {
    lines.push(
      u.kind === 'user-group-mapping'
        ? `  groups created ${c.groupsCreated}, members added ${c.membersAdded}, removed ${c.membersRemoved}, roles changed ${c.rolesChanged}, unchanged ${c.unchanged}, failed ${c.failed}`
        : `  parents set ${c.parentsSet}, unchanged ${c.unchanged}, failed ${c.failed}`,
    );
  }
  return lines;
}
