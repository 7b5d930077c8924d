import type { Activity } from 'botbuilder';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * The sender's IANA time zone: Teams puts their device's zone on each activity, as `localTimezone` and
 * as the `clientInfo` entity's `timezone`. A zone carried on the card from an earlier turn comes next
 * (a card action from a client that omits it), then UTC.
 */
export function senderTimeZone(activity: Partial<Activity>, carried = ''): string {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as
    | { timezone?: unknown }
    | undefined;
  const candidates = [activity.localTimezone, clientInfo?.timezone, carried];
  for (const zone of candidates)
    if (typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && isTimeZone(zone)) return zone;
  return 'UTC';
}
