import { AnnouncementInvalid } from './announcement.errors';

export const TITLE_MAX_LENGTH = 120;
export const BODY_MAX_LENGTH = 4000;
export const LINK_MAX_LENGTH = 2000;
export const LINK_LABEL_MAX_LENGTH = 40;
export const TIME_ZONE_MAX_LENGTH = 64;
/** How far ahead an announcement may be scheduled. */
export const MAX_SCHEDULE_DAYS = 366;

/** Who an announcement goes to. */
export type Audience =
  | { kind: 'group'; groupId: string }
  /** The group and every group below it in the hierarchy. */
  | { kind: 'group-tree'; groupId: string }
  | { kind: 'organisation'; organisationId: string };

export type AnnouncementState = 'scheduled' | 'sending' | 'cancelled';

/** What the sender writes; checked by `checkAnnouncementContent`. */
export interface AnnouncementContent {
  title: string;
  /** The Adaptive Card markdown subset (bold, italic, lists, links); Teams renders it. */
  body: string;
  link: { url: string; label: string } | null;
  acknowledge: boolean;
  /** Also post it in the General channel of each target group that has a team (default off). */
  postInChannel: boolean;
}

export interface Announcement extends AnnouncementContent {
  id: string;
  organisationId: string | null;
  audience: Audience;
  state: AnnouncementState;
  sendAt: string;
  timeZone: string;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  audienceCount: number | null;
  remindedAt: string | null;
  image: { path: string; type: string } | null;
}

/** Control characters other than line breaks and tabs only ever arrive by accident (or malice). */
const CONTROL = /[^\P{Cc}\n\t]/gu;

/** Trims and checks what the sender wrote; refuses with a coded error naming the field. */
export function checkAnnouncementContent(raw: {
  title?: unknown;
  body?: unknown;
  linkUrl?: unknown;
  linkLabel?: unknown;
  acknowledge?: unknown;
  postInChannel?: unknown;
}): AnnouncementContent {
  const title = text(raw.title).replace(/\s+/g, ' ').trim();
  const body = text(raw.body).replace(/\r\n?/g, '\n').trim();
  if (title === '')
    throw new AnnouncementInvalid('ANNOUNCEMENT_TITLE_EMPTY', 'Give the announcement a title.');
  if ([...title].length > TITLE_MAX_LENGTH)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TITLE_TOO_LONG',
      `The title is ${[...title].length} characters; keep it to ${TITLE_MAX_LENGTH}.`,
      { max: TITLE_MAX_LENGTH },
    );
  if (body === '')
    throw new AnnouncementInvalid('ANNOUNCEMENT_TEXT_EMPTY', 'Write the text of the announcement.');
  if ([...body].length > BODY_MAX_LENGTH)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TEXT_TOO_LONG',
      `The text is ${[...body].length} characters; keep it to ${BODY_MAX_LENGTH}.`,
      { max: BODY_MAX_LENGTH },
    );
  return {
    title,
    body,
    link: checkLink(raw.linkUrl, raw.linkLabel),
    acknowledge: raw.acknowledge === true,
    postInChannel: raw.postInChannel === true,
  };
}

/** A button link opens in the reader's browser: only https:// addresses, so no script or file can hide in one. */
function checkLink(rawUrl: unknown, rawLabel: unknown): AnnouncementContent['link'] {
  const url = text(rawUrl).trim();
  if (url === '') return null;
  if (url.length > LINK_MAX_LENGTH)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_LINK_TOO_LONG',
      `Links are limited to ${LINK_MAX_LENGTH} characters.`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AnnouncementInvalid('ANNOUNCEMENT_LINK_INVALID', `"${url.slice(0, 80)}" is not a web address.`);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_LINK_NOT_HTTPS',
      'The button link must be an https:// address (no other kind of link is allowed).',
      { protocol: parsed.protocol },
    );
  const label = text(rawLabel).replace(/\s+/g, ' ').trim() || 'Open';
  if ([...label].length > LINK_LABEL_MAX_LENGTH)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_LINK_LABEL_TOO_LONG',
      `The button's label is limited to ${LINK_LABEL_MAX_LENGTH} characters.`,
    );
  return { url: parsed.toString(), label };
}

/**
 * When to send: now when absent, else an instant no earlier than now and within a year. The time zone
 * is the sender's (IANA name), kept to show the time back as they wrote it.
 */
export function checkSchedule(
  rawSendAt: unknown,
  rawTimeZone: unknown,
  now: Date,
): { sendAt: string; timeZone: string } {
  const timeZone = text(rawTimeZone).trim() || 'UTC';
  if (timeZone.length > TIME_ZONE_MAX_LENGTH || !isTimeZone(timeZone))
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TIME_ZONE_UNKNOWN',
      `"${timeZone.slice(0, 64)}" is not a time zone.`,
    );
  if (rawSendAt === undefined || rawSendAt === null || rawSendAt === '')
    return { sendAt: now.toISOString(), timeZone };
  const at =
    typeof rawSendAt === 'string' && rawSendAt.length <= 40 ? new Date(rawSendAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()))
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TIME_INVALID',
      'The time to send is not a date and time (use ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+01:00).',
    );
  if (at.getTime() < now.getTime() - 60_000)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TIME_PAST',
      'That time has already passed; pick a later one, or send now.',
    );
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TIME_TOO_FAR',
      `Announcements can be scheduled up to ${MAX_SCHEDULE_DAYS} days ahead.`,
    );
  return { sendAt: new Date(Math.max(at.getTime(), now.getTime())).toISOString(), timeZone };
}

/** Reads the audience from a request; ids are bounded strings. */
export function checkAudience(raw: unknown): Audience {
  const value = (raw ?? {}) as { kind?: unknown; groupId?: unknown; organisationId?: unknown };
  const id = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : '');
  if ((value.kind === 'group' || value.kind === 'group-tree') && id(value.groupId))
    return { kind: value.kind, groupId: id(value.groupId) };
  if (value.kind === 'organisation' && id(value.organisationId))
    return { kind: 'organisation', organisationId: id(value.organisationId) };
  throw new AnnouncementInvalid(
    'ANNOUNCEMENT_AUDIENCE_INVALID',
    'Choose who the announcement goes to: a group, a group and its sub-groups, or the whole organisation.',
  );
}

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(CONTROL, '') : '');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
