import type { Server } from 'restify';
import { csvTemplate, templateFileNames } from '../../domain/uploads/templates';
import { uploadKinds } from '../../domain/uploads/upload';
import type { ApiDeps } from '../api-deps';
import { attachment, route } from '../route';

/** The two bulk upload templates, ready to open in Excel. */
export function registerTemplateRoutes(server: Server, deps: ApiDeps): void {
  for (const kind of uploadKinds) {
    const fileName = templateFileNames[kind];
    server.get(
      `/api/v1/templates/${fileName}`,
      route(deps, async (_req, res) => {
        const body = Buffer.from(csvTemplate(kind), 'utf8');
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-length': body.length,
          'content-disposition': attachment(fileName),
        });
        res.end(body);
      }),
    );
  }
}
