import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken, inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { addResource } from '../../domain/rollout/add-resource';
import { posterDate } from '../../domain/rollout/content/posters';
import { slides } from '../../domain/rollout/content/slides';
import { guideFile, readGuide } from '../../domain/rollout/guides';
import { listRolloutResources } from '../../domain/rollout/list-resources';
import { groupMessageTemplates, listMessageTemplates } from '../../domain/rollout/message-templates';
import { openResource } from '../../domain/rollout/open-resource';
import { genericPoster, groupPoster, posterForInviteLink } from '../../domain/rollout/posters';
import { printTranslator } from '../../domain/rollout/print-translator';
import { removeResource } from '../../domain/rollout/remove-resource';
import { ResourceTooLarge } from '../../domain/rollout/rollout.errors';
import type { RolloutContext } from '../../domain/rollout/rollout.ports';
import { isKitItemId, kitItem, kitItemForInviteLink } from '../../domain/rollout/rollout-kit';
import { MAX_RESOURCE_BYTES } from '../../domain/rollout/rollout-resource';
import { sendChampKit } from '../../domain/rollout/send-champ-kit';
import { describeSlideshowInvite, slideshowLink } from '../../domain/rollout/slideshow';
import { isLocale } from '../../i18n/locales';
import { qrSvg } from '../../infra/rollout/qr-code';
import { type SlideshowJoin, slideshowPage } from '../../infra/rollout/slideshow-page';
import type { ApiDeps } from '../api-deps';
import { readRawUpload } from '../http/raw-upload';
import { sendFile } from '../http/send-file';
import { actorOf, parseBody, queryText, route } from '../route';

const linkBody = z.object({ expiresInDays: z.number().int().optional() });

/** Strong validators of cached bytes, computed once per cached poster. */
const etags = new WeakMap<Uint8Array, string>();
const etagOf = (bytes: Uint8Array): string => {
  let etag = etags.get(bytes);
  if (!etag) {
    etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
    etags.set(bytes, etag);
  }
  return etag;
};

/**
 * A public poster's caching: the holder's own browser may keep it five minutes and then revalidate
 * (a 304 after the link is checked again); shared caches never keep it, since its address is a
 * credential and a revoked link must stop working at the server.
 */
const PUBLIC_POSTER_CACHE_CONTROL = 'private, max-age=300';

/** The tab's Resources page (JSON and downloads), the bot's posters' HTTP twin, and the lobby slideshow. */
export function registerRolloutRoutes(server: Server, deps: ApiDeps, rollout: RolloutContext): void {
  const api = '/api/v1/rollout';

  server.get(
    `${api}/resources`,
    route(deps, async (req) => {
      const catalogue = await listRolloutResources(rollout, await actorOf(deps, req));
      return {
        ...catalogue,
        builtIn: catalogue.builtIn.map((resource) => ({ ...resource, links: builtInLinks(resource.id) })),
        custom: catalogue.custom.map((resource) => ({
          ...resource,
          url: `${api}/resources/${resource.id}/file`,
        })),
        maxUploadBytes: MAX_RESOURCE_BYTES,
      };
    }),
  );

  server.post(
    `${api}/resources`,
    route(deps, async (req, res) => {
      const actor = await actorOf(deps, req);
      const bytes = await readRawUpload(req, res, MAX_RESOURCE_BYTES, (limit) => new ResourceTooLarge(limit));
      const resource = await addResource(
        rollout,
        { fileName: queryText(req, 'fileName') ?? 'resource', title: queryText(req, 'title'), bytes },
        actor,
      );
      res.status(201);
      return { resource: { ...resource, url: `${api}/resources/${resource.id}/file` } };
    }),
  );

  server.get(
    `${api}/resources/:id/file`,
    route(deps, async (req, res) => {
      sendFile(res, await openResource(rollout, { resourceId: req.params.id }, await actorOf(deps, req)));
    }),
  );

  server.del(
    `${api}/resources/:id`,
    route(deps, async (req) => {
      await removeResource(rollout, { resourceId: req.params.id }, await actorOf(deps, req));
    }),
  );

  server.get(
    `${api}/posters/generic`,
    route(deps, async (req, res) => {
      const format = queryText(req, 'format') ?? 'pdf';
      sendFile(
        res,
        await genericPoster(rollout, { format, lang: queryText(req, 'lang') }, await actorOf(deps, req)),
      );
    }),
  );

  // The rollout kit's printables that are not made for one group (group admins' poster, activation desk).
  server.get(
    `${api}/kit/:id`,
    route(deps, async (req, res) => {
      const format = queryText(req, 'format') ?? 'pdf';
      sendFile(
        res,
        await kitItem(
          rollout,
          { itemId: req.params.id, format, lang: queryText(req, 'lang') },
          await actorOf(deps, req),
        ),
      );
    }),
  );

  // An org admin sends the champs' guidelines and training to one champ's chat with Convene.
  server.post(
    '/api/v1/groups/:id/champs/:personId/kit',
    route(deps, async (req) =>
      sendChampKit(
        rollout,
        { groupId: req.params.id, personId: req.params.personId },
        await actorOf(deps, req),
      ),
    ),
  );

  // A POST: a group poster may issue the group's standing invite link.
  server.post(
    '/api/v1/groups/:id/rollout/poster',
    route(deps, async (req, res) => {
      const { expiresInDays } = parseBody(req, linkBody);
      const format = queryText(req, 'format') ?? 'pdf';
      const poster = await groupPoster(
        rollout,
        { groupId: req.params.id, format, expiresInDays, lang: queryText(req, 'lang') },
        await actorOf(deps, req),
      );
      sendFile(res, poster, {
        'X-Convene-Invite-Url': poster.inviteUrl,
        ...(poster.expiresAt ? { 'X-Convene-Invite-Expires-At': poster.expiresAt } : {}),
      });
    }),
  );

  server.get(
    `${api}/templates`,
    route(deps, async (req) =>
      listMessageTemplates(rollout, await actorOf(deps, req), { lang: queryText(req, 'lang') }),
    ),
  );

  server.post(
    '/api/v1/groups/:id/rollout/templates',
    route(deps, async (req) => {
      const { expiresInDays } = parseBody(req, linkBody);
      return groupMessageTemplates(
        rollout,
        { groupId: req.params.id, expiresInDays, lang: queryText(req, 'lang') },
        await actorOf(deps, req),
      );
    }),
  );

  server.get(
    `${api}/guides/:id`,
    route(deps, async (req) =>
      readGuide(rollout, { guideId: req.params.id, lang: queryText(req, 'lang') }, await actorOf(deps, req)),
    ),
  );

  server.get(
    `${api}/guides/:id/download`,
    route(deps, async (req, res) => {
      const format = queryText(req, 'format') ?? 'pdf';
      sendFile(
        res,
        await guideFile(
          rollout,
          { guideId: req.params.id, format, lang: queryText(req, 'lang') },
          await actorOf(deps, req),
        ),
      );
    }),
  );

  server.post(
    '/api/v1/groups/:id/rollout/slideshow',
    route(deps, async (req, res) => {
      const { expiresInDays } = parseBody(req, linkBody);
      const link = await slideshowLink(
        rollout,
        { groupId: req.params.id, expiresInDays },
        await actorOf(deps, req),
      );
      res.status(201);
      return link;
    }),
  );

  // Public like the slideshow: whoever holds an invite link may print its poster (the bot's poster card
  // links here). A GET that never uses up or changes the link.
  server.get(
    '/rollout/poster',
    route(deps, async (req, res) => {
      const token = extractInviteToken(queryText(req, 'invite') ?? '');
      if (!token) throw new InviteNotFound();
      const format = queryText(req, 'format') ?? 'pdf';
      // `kit=<item>`: one of the rollout kit's printables instead of the group's poster.
      const kit = queryText(req, 'kit');
      const lang = queryText(req, 'lang');
      const poster = kit
        ? await kitItemForInviteLink(rollout, { token, itemId: kit, format, lang })
        : await posterForInviteLink(rollout, { token, format, lang });
      const etag = etagOf(poster.bytes);
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': PUBLIC_POSTER_CACHE_CONTROL });
        res.end();
        return;
      }
      sendFile(res, poster, { ETag: etag, 'Cache-Control': PUBLIC_POSTER_CACHE_CONTROL });
    }),
  );

  // Public on purpose: it runs on lobby screens with no one signed in, and shows only what its link allows.
  server.get('/rollout/slideshow', async (req: Request, res: Response) => {
    try {
      const seconds = Math.min(120, Math.max(4, Number(queryText(req, 'seconds') ?? 12) || 12));
      const nonce = randomBytes(16).toString('base64');
      const html = await slideshowHtml(queryText(req, 'invite'), queryText(req, 'lang'), seconds, nonce);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft`,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(html);
    } catch (error) {
      deps.logger.error({ err: error }, 'slideshow failed');
      if (!res.headersSent) res.send(500);
    }
  });

  /**
   * The slideshow in `?lang=` when it names a language Convene speaks, else the language of the invite's
   * organisation, else English (a lobby screen has no one signed in to ask).
   */
  async function slideshowHtml(
    invite: string | undefined,
    lang: string | undefined,
    seconds: number,
    nonce: string,
  ): Promise<string> {
    const token = invite ? extractInviteToken(invite) : undefined;
    const found = token ? await describeSlideshowInvite(rollout, token) : undefined;
    // An unknown `lang` on a public page falls back quietly rather than showing a lobby screen an error.
    const t = printTranslator(lang && isLocale(lang) ? lang : undefined, found);
    const join = ((): SlideshowJoin => {
      if (!invite) return { kind: 'none', message: t.t('print.slideshow.noInvite') };
      if (!token || !found) return { kind: 'none', message: t.t('print.slideshow.invalidLink') };
      if (found.status !== 'active') {
        return {
          kind: 'none',
          message: t.t('print.slideshow.linkNotActive', { group: found.groupName, status: found.status }),
        };
      }
      const inviteUrl = inviteUrlOf(rollout.publicBaseUrl(), token);
      return {
        kind: 'group',
        groupName: found.groupName,
        inviteUrl,
        qrSvg: qrSvg(inviteUrl),
        validUntil: found.expiresAt ? posterDate(found.expiresAt, t) : null,
      };
    })();
    return slideshowPage({ slides: slides(t), join, seconds, nonce, t });
  }
}

/** Where the tab fetches each built-in resource; `{groupId}` is filled in by the tab. */
function builtInLinks(id: string): Record<string, { method: 'GET' | 'POST'; href: string }> {
  const api = '/api/v1/rollout';
  if (isKitItemId(id) && id !== 'activation-desk-faq') {
    const formats = id === 'activation-desk-table-tent' ? ['pdf'] : ['pdf', 'png'];
    return Object.fromEntries(
      formats.map((format) => [
        format,
        { method: 'GET' as const, href: `${api}/kit/${id}?format=${format}` },
      ]),
    );
  }
  switch (id) {
    case 'generic-poster':
      return {
        pdf: { method: 'GET', href: `${api}/posters/generic?format=pdf` },
        png: { method: 'GET', href: `${api}/posters/generic?format=png` },
      };
    case 'group-poster':
      return {
        pdf: { method: 'POST', href: '/api/v1/groups/{groupId}/rollout/poster?format=pdf' },
        png: { method: 'POST', href: '/api/v1/groups/{groupId}/rollout/poster?format=png' },
      };
    case 'message-templates':
      return {
        preview: { method: 'GET', href: `${api}/templates` },
        filled: { method: 'POST', href: '/api/v1/groups/{groupId}/rollout/templates' },
      };
    case 'slideshow':
      return {
        open: { method: 'POST', href: '/api/v1/groups/{groupId}/rollout/slideshow' },
        preview: { method: 'GET', href: '/rollout/slideshow' },
      };
    default:
      return {
        read: { method: 'GET', href: `${api}/guides/${id}` },
        md: { method: 'GET', href: `${api}/guides/${id}/download?format=md` },
        pdf: { method: 'GET', href: `${api}/guides/${id}/download?format=pdf` },
      };
  }
}
