import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { loadUpload, requireOrgAdmin } from './org-admin';
import type { Upload } from './upload';
import type { LogQuery, ProblemTotal, UploadLogEntry } from './upload.repository';

/** The most entries one page of a log holds. */
export const MAX_PAGE = 500;

/** The organisation's upload jobs, newest first. */
export function listUploads(
  ctx: DomainContext,
  page: { offset: number; limit: number },
  actor: Actor,
): Promise<Upload[]> {
  return ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdmin(repos, actor);
    return repos.uploads.listForOrganisation(organisation.id, page.offset, Math.min(page.limit, MAX_PAGE));
  });
}

/** One upload job with its problem totals per code (validation and apply). */
export function getUpload(
  ctx: DomainContext,
  uploadId: string,
  actor: Actor,
): Promise<{ upload: Upload; totals: ProblemTotal[] }> {
  return ctx.uow.run(async (repos) => {
    const upload = await loadUpload(repos, actor, uploadId);
    return { upload, totals: await repos.uploads.problemTotals(upload.id) };
  });
}

/** A page of an upload's log, filtered by phase, severity or code, with totals per code. */
export function readUploadLog(
  ctx: DomainContext,
  uploadId: string,
  query: LogQuery,
  actor: Actor,
): Promise<{ total: number; totals: ProblemTotal[]; entries: UploadLogEntry[] }> {
  return ctx.uow.run(async (repos) => {
    const upload = await loadUpload(repos, actor, uploadId);
    const page = await repos.uploads.readLog(upload.id, { ...query, limit: Math.min(query.limit, MAX_PAGE) });
    return { ...page, totals: await repos.uploads.problemTotals(upload.id, query.phase) };
  });
}
