import type { Server } from 'restify';
import { z } from 'zod';
import { applyUpload } from '../../domain/uploads/apply-upload';
import { downloadOriginal } from '../../domain/uploads/download-original';
import { errorReport } from '../../domain/uploads/error-report';
import { receiveUpload, type UploadServices } from '../../domain/uploads/receive-upload';
import { MAX_OUTCOME_SEARCH, rowOutcomes } from '../../domain/uploads/row-outcome';
import { fileProgress, type Upload, uploadKinds } from '../../domain/uploads/upload';
import { UploadRequestInvalid, UploadTooLarge } from '../../domain/uploads/upload.errors';
import { outcomesCsv, readUploadOutcomes } from '../../domain/uploads/upload-outcomes';
import { getUpload, listUploads, readUploadLog } from '../../domain/uploads/upload-queries';
import type { ApiDeps } from '../api-deps';
import { actorOf, attachment, parseBody, parseQuery as query, route, sendCsv } from '../route';
import { readUploadForm } from './upload-form';

/** Uploads need their file services, and a way to tell this process's worker there is work. */
export interface UploadRouteServices extends UploadServices {
  runner: { nudge(): void };
}

const UPLOADS_PATH = '/api/v1/uploads';

/** `user-group` and `parent-group` (as the CLI says them) are accepted too. */
const kindField = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .transform((value) => (value.endsWith('-mapping') ? value : `${value}-mapping`))
  .pipe(z.enum(uploadKinds));

const applyBody = z.object({ validRowsOnly: z.boolean().optional() });

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  phase: z.enum(['validation', 'apply']).optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  code: z.string().max(100).optional(),
});

/** The per-row log's filters: an outcome and a search over group, name and phone. */
const outcomeFilter = z.object({
  outcome: z.enum(rowOutcomes).optional(),
  search: z.string().max(MAX_OUTCOME_SEARCH).optional(),
});
const outcomePageQuery = outcomeFilter.extend(pageQuery.pick({ offset: true, limit: true }).shape);

/** The job record as the tab reads it: the upload plus its progress. */
export const jobView = (upload: Upload) => ({
  ...upload,
  progress: fileProgress(upload),
});

/** Bulk upload API: upload and validate, apply, follow jobs, read logs, download reports and originals. */
export function registerUploadRoutes(server: Server, deps: ApiDeps, services: UploadRouteServices): void {
  server.post(
    UPLOADS_PATH,
    route(deps, async (req, res) => {
      const actor = await actorOf(deps, req);
      try {
        const report = await readUploadForm(req, services.maxUploadBytes, (fields, fileName, bytes) => {
          const kind = kindField.safeParse(fields.kind ?? '');
          if (!kind.success) {
            throw new UploadRequestInvalid(
              'Say which file this is: kind must be user-group-mapping or parent-group-mapping (sent before the file).',
              {
                field: 'kind',
                allowed: uploadKinds,
              },
            );
          }
          return receiveUpload(
            deps.ctx,
            services,
            {
              kind: kind.data,
              fileName,
              region: fields.region,
              companionUploadId: fields.companionUploadId || undefined,
              bytes,
            },
            actor,
          );
        });
        res.status(201);
        return { job: jobView(report.upload), totals: report.totals, problems: report.problems };
      } catch (error) {
        // The rest of an oversized file is not wanted: close the connection after answering.
        if (error instanceof UploadTooLarge) res.setHeader('connection', 'close');
        throw error;
      }
    }),
  );

  server.post(
    `${UPLOADS_PATH}/:id/apply`,
    route(deps, async (req, res) => {
      const body = parseBody(req, applyBody);
      const upload = await applyUpload(
        deps.ctx,
        { uploadId: req.params.id, validRowsOnly: body.validRowsOnly },
        await actorOf(deps, req),
      );
      services.runner.nudge();
      res.status(202);
      return { job: jobView(upload) };
    }),
  );

  server.get(
    `${UPLOADS_PATH}/:id/problems`,
    route(deps, async (req) => {
      const q = query(req, pageQuery);
      const page = await readUploadLog(
        deps.ctx,
        req.params.id,
        { ...q, phase: 'validation' },
        await actorOf(deps, req),
      );
      return {
        total: page.total,
        totals: page.totals,
        offset: q.offset,
        problems: page.entries.map(withoutCells),
      };
    }),
  );

  server.get(
    '/api/v1/jobs',
    route(deps, async (req) => {
      const q = query(req, pageQuery.pick({ offset: true, limit: true }));
      const uploads = await listUploads(deps.ctx, q, await actorOf(deps, req));
      return { jobs: uploads.map(jobView), offset: q.offset };
    }),
  );

  server.get(
    '/api/v1/jobs/:id',
    route(deps, async (req) => {
      const { upload, totals } = await getUpload(deps.ctx, req.params.id, await actorOf(deps, req));
      return { job: jobView(upload), totals };
    }),
  );

  server.get(
    '/api/v1/jobs/:id/log',
    route(deps, async (req) => {
      const q = query(req, pageQuery);
      const page = await readUploadLog(deps.ctx, req.params.id, q, await actorOf(deps, req));
      return {
        total: page.total,
        totals: page.totals,
        offset: q.offset,
        entries: page.entries.map(withoutCells),
      };
    }),
  );

  server.get(
    '/api/v1/jobs/:id/outcomes',
    route(deps, async (req) => {
      const q = query(req, outcomePageQuery);
      const page = await readUploadOutcomes(deps.ctx, req.params.id, q, await actorOf(deps, req));
      return { ...page, offset: q.offset };
    }),
  );

  server.get(
    '/api/v1/jobs/:id/outcomes.csv',
    route(deps, async (req, res) => {
      const q = query(req, outcomeFilter);
      const { upload, lines } = await outcomesCsv(deps.ctx, req.params.id, q, await actorOf(deps, req));
      await sendCsv(res, `${upload.fileName.replace(/\.csv$/i, '')}-log.csv`, lines);
    }),
  );

  server.get(
    '/api/v1/jobs/:id/errors.csv',
    route(deps, async (req, res) => {
      const { upload, lines } = await errorReport(deps.ctx, req.params.id, await actorOf(deps, req));
      await sendCsv(res, `${upload.fileName.replace(/\.csv$/i, '')}-errors.csv`, lines);
    }),
  );

  server.get(
    '/api/v1/jobs/:id/file',
    route(deps, async (req, res) => {
      const { upload, bytes } = await downloadOriginal(
        deps.ctx,
        services.files,
        req.params.id,
        await actorOf(deps, req),
      );
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-length': upload.sizeBytes,
        'content-disposition': attachment(upload.fileName),
      });
      for await (const chunk of bytes) res.write(chunk);
      res.end();
    }),
  );
}

const withoutCells = <T extends { cells: unknown }>({ cells: _cells, ...entry }: T) => entry;
