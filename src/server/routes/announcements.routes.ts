import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { z } from 'zod';
import { checkAnnouncementContent, checkAudience } from '../../domain/announcements/announcement';
import { AnnouncementNotFound } from '../../domain/announcements/announcement.errors';
import {
  announcementImagePath,
  imageTooLarge,
  MAX_ANNOUNCEMENT_IMAGE_BYTES,
} from '../../domain/announcements/announcement-image';
import { announcementReport, listAnnouncements } from '../../domain/announcements/announcement-report';
import { remindNonAcknowledgers } from '../../domain/announcements/answer-announcement';
import {
  cancelAnnouncement,
  editAnnouncement,
  sendAnnouncementNow,
} from '../../domain/announcements/change-announcement';
import {
  composeAnnouncement,
  countAnnouncementAudience,
} from '../../domain/announcements/compose-announcement';
import { exportAnnouncementReport } from '../../domain/announcements/export-announcement-report';
import { readAnnouncementImage } from '../../domain/announcements/read-announcement-image';
import {
  type AnnouncementImageContext,
  imageFor,
  uploadAnnouncementImage,
} from '../../domain/announcements/upload-announcement-image';
import { localeFrom } from '../../i18n/locales';
import { translatorFor } from '../../i18n/translator';
import { SharpAnnouncementImageProcessor } from '../../infra/announcement-images/sharp-announcement-image-processor';
import type { ApiDeps } from '../api-deps';
import { readRawUpload } from '../http/raw-upload';
import { sendAnnouncementImage } from '../http/send-announcement-image';
import { actorOf, parseBody, parseQuery as query, queryText, route, sendCsv } from '../route';

/** Bounded shapes; the domain checks the content itself (and says what is wrong in words). */
const bounded = z.string().max(10_000).optional();
const audience = z
  .object({
    kind: z.string().max(20),
    groupId: z.string().max(64).optional(),
    organisationId: z.string().max(64).optional(),
  })
  .strict();
const content = {
  title: bounded,
  body: bounded,
  linkUrl: bounded,
  linkLabel: bounded,
  acknowledge: z.boolean().optional(),
  postInChannel: z.boolean().optional(),
  sendAt: z.string().max(40).optional().nullable(),
  timeZone: z.string().max(64).optional(),
  imageId: z.string().max(64).optional().nullable(),
};
const composeBody = z.object({ audience, ...content }).strict();
const editBody = z.object(content).strict();
const ids = z
  .string()
  .max(64 * 200 + 200)
  .optional();

/**
 * Announcements for the portal and for IT automation (the same routes, the same permissions and
 * validation): count the audience, schedule or send, edit, cancel, send now, remind, report and export.
 */
export function registerAnnouncementRoutes(server: Server, deps: ApiDeps): void {
  // Pictures are read and re-encoded by sharp; ids are 192 random bits.
  const images: AnnouncementImageContext = {
    ...deps.ctx,
    images: new SharpAnnouncementImageProcessor(),
    newImageId: () => randomBytes(24).toString('base64url'),
  };

  // A picture for an announcement to `audience` (query: kind, groupId or organisationId), raw bytes.
  server.post(
    '/api/v1/announcements/images',
    route(deps, async (req, res) => {
      const actor = await actorOf(deps, req);
      const q = query(req, audience);
      const bytes = await readRawUpload(req, res, MAX_ANNOUNCEMENT_IMAGE_BYTES, imageTooLarge);
      const image = await uploadAnnouncementImage(images, { audience: checkAudience(q), bytes }, actor);
      res.status(201);
      return {
        imageId: image.id,
        url: `${deps.publicBaseUrl()}${announcementImagePath({ path: image.id })}`,
        width: image.width,
        height: image.height,
      };
    }),
  );

  // Public: Teams fetches the card's picture from here, signed in as nobody; the random id is the secret.
  server.get(
    '/announcement-images/:id',
    route(deps, async (req, res) => {
      const image = await readAnnouncementImage(deps.ctx, String(req.params.id));
      if (!image) throw new AnnouncementNotFound();
      sendAnnouncementImage(res, image);
    }),
  );

  server.post(
    '/api/v1/announcements/audience',
    route(deps, async (req) => {
      const body = parseBody(req, z.object({ audience }).strict());
      return { people: await countAnnouncementAudience(deps.ctx, body.audience, await actorOf(deps, req)) };
    }),
  );

  // The card exactly as members will get it, from the bot's own template (checked like a real one).
  server.post(
    '/api/v1/announcements/preview',
    route(deps, async (req) => {
      await actorOf(deps, req);
      const body = parseBody(req, editBody);
      const content = checkAnnouncementContent(body);
      const image = await deps.ctx.uow.read((repos) => imageFor(repos, body.imageId));
      // `?lang=` is the sender's tab language: the card's fixed words are drawn in it.
      const words = translatorFor(localeFrom(queryText(req, 'lang') ?? null));
      return {
        card: deps.announcementCard({
          deliveryId: 'preview',
          ...content,
          imagePath: announcementImagePath(image),
          senderName: words.t('announce.card.previewSender'),
          locale: words.locale,
          groupName: queryText(req, 'groupName')?.slice(0, 100) ?? '',
          reminder: false,
        }),
      };
    }),
  );

  server.post(
    '/api/v1/announcements',
    route(deps, async (req, res) => {
      const result = await composeAnnouncement(
        deps.ctx,
        parseBody(req, composeBody),
        await actorOf(deps, req),
      );
      deps.scheduledAnnouncement();
      res.status(201);
      return result;
    }),
  );

  server.get(
    '/api/v1/announcements',
    route(deps, async (req) => {
      const q = query(req, z.object({ groupIds: ids, organisationIds: ids }));
      const split = (v?: string) => (v ? v.split(',').filter(Boolean) : []);
      return {
        announcements: await listAnnouncements(
          deps.ctx,
          { groupIds: split(q.groupIds), organisationIds: split(q.organisationIds) },
          await actorOf(deps, req),
        ),
      };
    }),
  );

  server.get(
    '/api/v1/announcements/:id',
    route(deps, async (req) => {
      const q = query(
        req,
        z.object({ after: z.string().max(200).optional(), limit: z.coerce.number().int().optional() }),
      );
      return announcementReport(deps.ctx, req.params.id, q, await actorOf(deps, req));
    }),
  );

  server.get(
    '/api/v1/announcements/:id/report.csv',
    route(deps, async (req, res) => {
      const { title, lines } = await exportAnnouncementReport(
        deps.ctx,
        req.params.id,
        await actorOf(deps, req),
      );
      await sendCsv(res, `${title.slice(0, 60)} - report.csv`, lines);
    }),
  );

  server.put(
    '/api/v1/announcements/:id',
    route(deps, async (req) =>
      editAnnouncement(deps.ctx, req.params.id, parseBody(req, editBody), await actorOf(deps, req)),
    ),
  );

  server.post(
    '/api/v1/announcements/:id/cancel',
    route(deps, async (req) => {
      await cancelAnnouncement(deps.ctx, req.params.id, await actorOf(deps, req));
    }),
  );

  server.post(
    '/api/v1/announcements/:id/send-now',
    route(deps, async (req, res) => {
      await sendAnnouncementNow(deps.ctx, req.params.id, await actorOf(deps, req));
      deps.scheduledAnnouncement();
      res.status(202);
      return { ok: true };
    }),
  );

  server.post(
    '/api/v1/announcements/:id/remind',
    route(deps, async (req, res) => {
      const queued = await remindNonAcknowledgers(deps.ctx, req.params.id, await actorOf(deps, req));
      res.status(202);
      return { queued };
    }),
  );
}
