import type { Server } from 'restify';
import { z } from 'zod';
import {
  organisationLanguage,
  setOrganisationLanguage,
} from '../../domain/organisations/organisation-language';
import type { ApiDeps } from '../api-deps';
import { actorOf, parseBody, route } from '../route';

/** The language is checked by the use case, so an unknown one is refused with its own code. */
const languageBody = z.object({ language: z.string().trim().max(35) });

/** The org admins' setting for the language posters, slips and the rollout kit print in by default. */
export function registerOrganisationLanguageRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/portal/organisation/language',
    route(deps, async (req) => organisationLanguage(deps.ctx, await actorOf(deps, req))),
  );

  server.put(
    '/api/v1/portal/organisation/language',
    route(deps, async (req) =>
      setOrganisationLanguage(deps.ctx, parseBody(req, languageBody), await actorOf(deps, req)),
    ),
  );
}
