import { AnnouncementInvalid } from './announcement.errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (Intl knows every zone's rules). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Today's date on a zone's wall clock, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): string {
  return new Date(now.getTime() + offsetAt(now.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * A date and time as the sender's clock shows them (an Adaptive Card's Input.Date and Input.Time give
 * no zone) → the instant, ISO 8601 in UTC. A time that a daylight-saving jump skips lands just after it.
 */
export function instantOfWallClock(date: string, time: string, timeZone: string): string {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t)
    throw new AnnouncementInvalid(
      'ANNOUNCEMENT_TIME_INVALID',
      'The time to send is not a date and time (use ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+01:00).',
    );
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the guess and at the corrected instant differ only across a change of offset.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(Math.max(first, second)).toISOString();
}
