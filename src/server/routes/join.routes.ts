import type { Request, Response, Server } from 'restify';
import { groupPhotoForInvite } from '../../domain/group-photos/invite-photo';
import type { InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken, inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { DEFAULT_LOCALE } from '../../i18n/locales';
import { translatorFor } from '../../i18n/translator';
import type { ApiDeps } from '../api-deps';
import { sendPhoto } from '../http/send-photo';
import { toHttpError } from '../http-errors';
import { JoinHttp, type JoinRouteServices } from '../join/join-http';
import { deadLinkPage, deadLinkWords } from '../join/join-pages';
import { registerJoinAskRoutes } from './join-ask.routes';
import { registerJoinSignInRoutes } from './join-sign-in.routes';

export type { JoinRouteServices };

/**
 * The employee's side of an invite: the join page (HTML or JSON) and its preview image, then the ways
 * on (signing in, asking to join). A GET never uses a link; joining always starts with a POST.
 */
export function registerJoinRoutes(server: Server, deps: ApiDeps, services: JoinRouteServices): void {
  const http = new JoinHttp(deps, services);
  // Programs reading the JSON and the preview image get English, as before; pages speak the reader's language.
  const english = translatorFor('en');
  registerJoinSignInRoutes(server, http);
  registerJoinAskRoutes(server, http);

  server.get('/join/:token', async (req: Request, res: Response) => {
    try {
      const token = extractInviteToken(req.params.token ?? '');
      const found = await http.facts(token);
      const status = !found ? 404 : found.status === 'active' ? 200 : 410;
      if (http.wantsJson(req)) {
        res.send(status, found && token ? factsJson(found, token) : toHttpError(new InviteNotFound()).body);
        return;
      }
      if (!found || !token || found.status !== 'active') {
        http.page(req, res, status, (frame) => deadLinkPage(frame, found));
        return;
      }
      http.validPage(req, res, 200, token, found);
    } catch (error) {
      http.refuse(req, res, error, undefined);
    }
  });

  /** The same facts the page shows, for programs (`Accept: application/json`). */
  function factsJson(found: InviteLinkFacts, token: string) {
    const { organisation, ...rest } = found;
    const ways = http.ways(token, found);
    const absolute = (path: string | null) => path && `${http.base()}${path}`;
    return {
      ...rest,
      organisation: organisation ? { name: organisation.name } : null,
      ...(found.status === 'active'
        ? {
            ways: {
              signIn: absolute(ways.signIn),
              openInTeams: ways.openInTeams,
              askToJoin: absolute(ways.askToJoin),
            },
          }
        : { message: deadLinkWords(english, found) }),
    };
  }

  // For chat apps' link previews: rendered once per link, then served from a bounded cache.
  server.get('/join/:token/preview.png', async (req: Request, res: Response) => {
    try {
      const token = extractInviteToken(req.params.token ?? '');
      const found = await http.facts(token);
      if (!found || !token) throw new InviteNotFound();
      const photo = found.group.photoEtag ? await groupPhotoForInvite(deps.ctx, token) : undefined;
      // One image per link, whoever asks (chat apps cache it for all their readers): in the language its
      // organisation prints in, English for a personal group. The words and language key the cache.
      const words = translatorFor(found.organisation?.language ?? DEFAULT_LOCALE);
      const image = services.previews.get({
        photo: photo ? { etag: photo.etag, jpeg: photo.bytes } : null,
        locale: words.locale,
        dir: words.dir,
        title: words.t('join.preview.title', { group: found.group.name }),
        lines: [
          found.organisation?.name ?? words.t('join.facts.personal'),
          ...(found.sharedBy ? [`${words.t('join.facts.sharedBy')}: ${found.sharedBy}`] : []),
        ],
        inviteUrl: inviteUrlOf(http.base(), token),
      });
      const png = await image.png;
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
        'X-Preview-Cache': image.cached ? 'hit' : 'miss',
      });
      res.end(png);
    } catch (error) {
      http.refuse(req, res, error, undefined);
    }
  });

  // The group's photo on its join page, for whoever holds a working link.
  server.get('/join/:token/photo', async (req: Request, res: Response) => {
    try {
      const token = extractInviteToken(req.params.token ?? '');
      const photo = token ? await groupPhotoForInvite(deps.ctx, token) : undefined;
      if (!photo) throw new InviteNotFound();
      sendPhoto(req, res, photo);
    } catch (error) {
      http.refuse(req, res, error, undefined);
    }
  });
}
