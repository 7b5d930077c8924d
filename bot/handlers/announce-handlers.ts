import { checkAnnouncementContent, checkSchedule } from '../../src/domain/announcements/announcement';
import { cancelAnnouncement } from '../../src/domain/announcements/change-announcement';
import {
  composeAnnouncement,
  countAnnouncementAudience,
} from '../../src/domain/announcements/compose-announcement';
import { instantOfWallClock, todayIn } from '../../src/domain/announcements/wall-clock-time';
import { loadGroup } from '../../src/domain/groups/load-group';
import { localeFrom } from '../../src/i18n/locales';
import { type Translator, translatorFor } from '../../src/i18n/translator';
import { text } from '../card-actions/card-text';
import type { AnnounceDraft } from '../cards/announce-card-data';
import type { GroupRef, Session } from '../session';
import { announceWords } from './announce-words';
import { cardReply, type Reply } from './reply';
import { senderTimeZone } from './sender-time-zone';

/** The sender's language and clock for this turn. */
function translatorOf(session: Session, timeZone: string): Translator {
  return translatorFor(localeFrom(session.turn.activity.locale), timeZone);
}

/** What the card's inputs (merged into the button's data by Teams) say, as strings. */
async function draftFrom(
  session: Session,
  data: Record<string, unknown>,
): Promise<{ draft: AnnounceDraft; reach: number }> {
  const groupId = text(data.groupId);
  const scope = data.scope === 'group-tree' ? 'group-tree' : 'group';
  const { ctx } = session.deps;
  const reach = await countAnnouncementAudience(ctx, { kind: scope, groupId }, await session.actor());
  const group = await ctx.uow.read((repos) => loadGroup(repos, groupId));
  const draft: AnnounceDraft = {
    groupId,
    groupName: group.name,
    scope,
    title: text(data.title).slice(0, 200),
    body: text(data.body).slice(0, 5000),
    linkUrl: text(data.linkUrl).slice(0, 2100),
    acknowledge: data.acknowledge === 'false' || data.acknowledge === false ? 'false' : 'true',
    // Off unless chosen, as in the portal.
    postInChannel: data.postInChannel === 'true' || data.postInChannel === true ? 'true' : 'false',
    sendDate: text(data.sendDate).slice(0, 10),
    sendTime: text(data.sendTime).slice(0, 8),
    timeZone: senderTimeZone(session.turn.activity, text(data.timeZone)),
  };
  return { draft, reach };
}

/**
 * When the draft goes out: undefined for now, else the instant of the sender's date and time. A time
 * without a date means today; a date without a time means 09:00, the start of most shifts.
 */
function sendAtOf(draft: AnnounceDraft, now: Date): string | undefined {
  if (!draft.sendDate && !draft.sendTime) return undefined;
  return instantOfWallClock(
    draft.sendDate || todayIn(draft.timeZone, now),
    draft.sendTime || '09:00',
    draft.timeZone,
  );
}

/** `announce <group>`: the compose card (who may send is checked now, and again on every step). */
export async function announceReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  return editAnnouncementReply(session, {
    groupId,
    scope: 'group',
    acknowledge: 'true',
    postInChannel: 'false',
  });
}

/** Back from the preview to the compose card, with what was written. */
export async function editAnnouncementReply(session: Session, data: Record<string, unknown>): Promise<Reply> {
  const { draft, reach } = await draftFrom(session, data);
  const tr = translatorOf(session, draft.timeZone);
  return cardReply('announce-compose', { ...draft, ...announceWords.compose(tr, draft, reach) });
}

/** The preview: the text and time checked as the portal and the API check them, shown as members will read it. */
export async function previewAnnouncementReply(
  session: Session,
  data: Record<string, unknown>,
): Promise<Reply> {
  const { draft, reach } = await draftFrom(session, data);
  const now = session.deps.ctx.clock.now();
  const sendAt = sendAtOf(draft, now);
  checkAnnouncementContent({ ...draft, acknowledge: draft.acknowledge === 'true' });
  checkSchedule(sendAt, draft.timeZone, now);
  const tr = translatorOf(session, draft.timeZone);
  return cardReply('announce-preview', {
    ...draft,
    ...announceWords.preview(tr, draft, reach, sendAt),
    sent: false,
    announcementId: '',
    cancellable: false,
  });
}

/** Send now or at the chosen time, from the preview; a scheduled one can be cancelled from the answer. */
export async function sendAnnouncementReply(session: Session, data: Record<string, unknown>): Promise<Reply> {
  const { draft } = await draftFrom(session, data);
  const { ctx } = session.deps;
  const sendAt = sendAtOf(draft, ctx.clock.now());
  const { announcement, audienceCount } = await composeAnnouncement(
    ctx,
    {
      audience: { kind: draft.scope, groupId: draft.groupId },
      title: draft.title,
      body: draft.body,
      linkUrl: draft.linkUrl,
      acknowledge: draft.acknowledge === 'true',
      postInChannel: draft.postInChannel === 'true',
      sendAt,
      timeZone: draft.timeZone,
    },
    await session.actor(),
  );
  const tr = translatorOf(session, draft.timeZone);
  return cardReply(
    'announce-preview',
    {
      ...draft,
      ...announceWords.confirmation(tr, draft, audienceCount, sendAt && announcement.sendAt),
      sent: true,
      announcementId: announcement.id,
      cancellable: sendAt !== undefined,
    },
    tr.t(sendAt ? 'announce.bot.scheduledAck' : 'announce.bot.sentAck'),
  );
}

/** Cancel, from the confirmation of a scheduled announcement (refused once it started going out). */
export async function cancelAnnouncementReply(
  session: Session,
  data: Record<string, unknown>,
): Promise<Reply> {
  await cancelAnnouncement(session.deps.ctx, text(data.announcementId), await session.actor());
  const { draft } = await draftFrom(session, { ...data, title: text(data.title) });
  const tr = translatorOf(session, draft.timeZone);
  return cardReply(
    'announce-preview',
    {
      ...draft,
      ...announceWords.cancelled(tr, draft),
      sent: true,
      announcementId: text(data.announcementId),
      cancellable: false,
    },
    tr.t('announce.bot.cancelledAck'),
  );
}
