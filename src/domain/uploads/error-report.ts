import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { loadUpload } from './org-admin';
import type { Upload } from './upload';
import type { LogPhase } from './upload.repository';

const PAGE = 1000;
/** A phone number as people write it: only digits and separators, so a spreadsheet cannot run it. */
const phoneLike = /^\+?[\d\s().-]+$/;

/**
 * Makes a cell safe to open in a spreadsheet: text starting with = + - @ (or a tab/return) would be
 * read as a formula, so it gets a leading apostrophe. Phone numbers such as "+91 98765 43210" are
 * left as they are (digits cannot form a formula that does anything), so the report stays readable.
 */
export function spreadsheetSafe(cell: string): string {
  if (/^[=+\-@\t\r]/.test(cell) && !phoneLike.test(cell)) return `'${cell}`;
  return cell;
}

/** One CSV field, quoted when it needs to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line of spreadsheet-safe cells. */
export const csvLine = (cells: string[]): string =>
  `${cells.map((cell) => csvField(spreadsheetSafe(cell))).join(',')}\r\n`;

/**
 * The error report of an upload: every row that was not applied (validation errors, failures while
 * applying), under the file's own header plus the line and the reason, as CSV with a BOM so Excel
 * reads it as UTF-8. Streams page by page.
 */
export async function errorReport(
  ctx: DomainContext,
  uploadId: string,
  actor: Actor,
): Promise<{ upload: Upload; lines: AsyncIterable<string> }> {
  const upload = await ctx.uow.run((repos) => loadUpload(repos, actor, uploadId));
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(['Line', ...upload.header, 'Reason code', 'Reason'])}`;
    let after: { phase: LogPhase; seq: number } | null = null;
    let lastKey = '';
    while (true) {
      const entries = await ctx.uow.run((repos) => repos.uploads.errorRows(upload.id, after, PAGE));
      if (entries.length === 0) return;
      // One report line per row: a row with several problems lists them together.
      const byRow: {
        key: string;
        line: number | null;
        cells: string[];
        codes: string[];
        messages: string[];
      }[] = [];
      for (const entry of entries) {
        const key = `${entry.phase}:${entry.line}`;
        const last = byRow[byRow.length - 1];
        if (last && last.key === key) {
          last.codes.push(entry.code);
          last.messages.push(entry.message);
        } else if (key === lastKey && byRow.length === 0) {
          // The rest of a row begun on the previous page: already written with its first problem.
        } else {
          byRow.push({
            key,
            line: entry.line,
            cells: entry.cells ?? [],
            codes: [entry.code],
            messages: [entry.message],
          });
        }
      }
      for (const row of byRow) {
        const cells = upload.header.map((_, i) => row.cells[i] ?? '');
        yield csvLine([String(row.line ?? ''), ...cells, row.codes.join(' '), row.messages.join(' ')]);
      }
      const last = entries[entries.length - 1]!;
      after = { phase: last.phase, seq: last.seq };
      lastKey = `${last.phase}:${last.line}`;
    }
  }
  return { upload, lines: lines() };
}
