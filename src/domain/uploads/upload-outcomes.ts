import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { csvLine } from './error-report';
import { loadUpload } from './org-admin';
import {
  type OutcomeQuery,
  type OutcomeTotal,
  type OutcomeView,
  outcomeView,
  outcomeWords,
  rowOutcomes,
} from './row-outcome';
import type { Upload } from './upload';
import { MAX_PAGE } from './upload-queries';

/** A page of what applying an upload did, row by row, with totals per outcome. */
export interface OutcomePage {
  total: number;
  totals: OutcomeTotal[];
  entries: OutcomeView[];
}

/**
 * What applying an upload did to each person and group, a page at a time, filtered by outcome and
 * searched by group, name or phone. Totals follow the search, so the filter buttons count what it finds.
 */
export function readUploadOutcomes(
  ctx: DomainContext,
  uploadId: string,
  query: OutcomeQuery,
  actor: Actor,
): Promise<OutcomePage> {
  return ctx.uow.run(async (repos) => {
    const upload = await loadUpload(repos, actor, uploadId);
    const limit = Math.min(query.limit, MAX_PAGE);
    const page = await repos.uploadOutcomes.read(upload.id, { ...query, limit });
    const counted = await repos.uploadOutcomes.totals(upload.id, query.search);
    return { total: page.total, totals: inOrder(counted), entries: page.entries.map(outcomeView) };
  });
}

/** Totals in the order outcomes are listed, each with its words. */
function inOrder(counted: Omit<OutcomeTotal, 'words'>[]): OutcomeTotal[] {
  const count = new Map(counted.map((t) => [t.outcome, t.count]));
  return rowOutcomes
    .filter((outcome) => count.has(outcome))
    .map((outcome) => ({ outcome, words: outcomeWords[outcome], count: count.get(outcome)! }));
}

const PAGE = 1000;

/**
 * The per-row log as CSV (with a BOM so Excel reads UTF-8), filtered and searched as on screen, streamed
 * a page at a time in plan order.
 */
export async function outcomesCsv(
  ctx: DomainContext,
  uploadId: string,
  query: Omit<OutcomeQuery, 'offset' | 'limit'>,
  actor: Actor,
): Promise<{ upload: Upload; lines: AsyncIterable<string> }> {
  const upload = await ctx.uow.run((repos) => loadUpload(repos, actor, uploadId));
  const parents = upload.kind === 'parent-group-mapping';
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(
      parents
        ? ['Line', 'Outcome', 'Child group', 'Parent group', 'Reason code', 'Reason']
        : ['Line', 'Outcome', 'Group', 'Phone', 'Name', 'Role', 'Reason code', 'Reason'],
    )}`;
    let after: { seq: number; part: number } | null = null;
    while (true) {
      const entries = await ctx.uow.run((repos) => repos.uploadOutcomes.after(upload.id, query, after, PAGE));
      for (const e of entries) {
        const line = e.line === null ? '' : String(e.line);
        const reason = [e.code ?? '', e.message ?? ''];
        yield csvLine(
          parents
            ? [line, outcomeWords[e.outcome], e.group, e.parent ?? '', ...reason]
            : [line, outcomeWords[e.outcome], e.group, e.phone ?? '', e.name ?? '', e.role ?? '', ...reason],
        );
      }
      if (entries.length < PAGE) return;
      const last = entries[entries.length - 1]!;
      after = { seq: last.seq, part: last.part };
    }
  }
  return { upload, lines: lines() };
}
