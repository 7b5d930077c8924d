import type { Request, Server } from 'restify';
import type { Organisation } from '../../domain/organisations/organisation';
import { requestedLanguage } from '../../domain/rollout/posters';
import { printTranslator } from '../../domain/rollout/print-translator';
import { csvTemplate, templateFileNames } from '../../domain/uploads/templates';
import { uploadKinds } from '../../domain/uploads/upload';
import type { ApiDeps } from '../api-deps';
import { actorOf, attachment, queryText, route } from '../route';

/**
 * The organisation of whoever asks, for its language. The templates need no sign-in, so a request
 * without one (or with one that does not pass) gets the language it asked for, or English.
 */
async function askersOrganisation(deps: ApiDeps, req: Request): Promise<Organisation | undefined> {
  if (!req.headers.authorization) return undefined;
  try {
    const actor = await actorOf(deps, req);
    if (!actor.tenantId) return undefined;
    return await deps.ctx.uow.read((repos) => repos.organisations.findByTenantId(actor.tenantId!));
  } catch {
    return undefined;
  }
}

/**
 * The two bulk upload templates, ready to open in Excel, with their instructions in the language asked
 * for (`?lang=hi`) or the organisation's; the column headers stay English, as uploads are read by them.
 */
export function registerTemplateRoutes(server: Server, deps: ApiDeps): void {
  for (const kind of uploadKinds) {
    const fileName = templateFileNames[kind];
    server.get(
      `/api/v1/templates/${fileName}`,
      route(deps, async (req, res) => {
        const lang = requestedLanguage(queryText(req, 'lang'));
        const t = printTranslator(lang, lang ? undefined : await askersOrganisation(deps, req));
        const body = Buffer.from(csvTemplate(kind, t), 'utf8');
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
