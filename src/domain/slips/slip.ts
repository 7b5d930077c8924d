import type { Translator } from '../../i18n/translator';
import type { Person } from '../people/person';

/** One PDF holds at most this many slips (63 A4 pages): a bigger group prints in parts. */
export const MAX_SLIPS_PER_PDF = 500;

/** Slips per A4 page: two columns of four, each about the size of a postcard's half. */
export const SLIPS_PER_PAGE = 8;

/**
 * Microsoft's own short link to get Teams (it offers the right app for the phone or computer that
 * opens it); Microsoft's Teams admin documentation sends people to the same address.
 */
export const GET_TEAMS_URL = 'https://aka.ms/getteams';

/** Everything one slip says; the renderer decides where it goes. */
export interface SlipSpec {
  name: string;
  groupName: string;
  /** "Group: Night shift", in the sheet's language. */
  groupLine: string;
  /** The account's sign-in name, or null while it is not known yet. */
  signInName: string | null;
  /** How to sign in, without a password or a full phone number. */
  howToSignIn: string;
  /** The group's join page (its standing invite link). */
  joinUrl: string;
}

/** A printable sheet of slips, and the words every slip shares. */
export interface SlipSheetSpec {
  title: string;
  /** The small line at the top of every slip (the organisation, or "Convene"). */
  kicker: string;
  slips: SlipSpec[];
  /** Where the first QR code leads: Microsoft's page to get Teams. */
  getTeamsUrl: string;
  /** The language's direction: an Arabic sheet lays out right to left. */
  dir: 'ltr' | 'rtl';
  words: SlipWords;
}

/** The words every slip of a sheet prints, in the sheet's language. */
export interface SlipWords {
  signInLabel: string;
  signInUnknown: string;
  getTeams: { caption: string; hint: string };
  join: { caption: string; hint: string };
  footer: string;
}

export const slipWords = (t: Translator): SlipWords => ({
  signInLabel: t.t('print.slips.signInLabel'),
  signInUnknown: t.t('print.slips.signInUnknown'),
  getTeams: { caption: t.t('print.slips.getTeams.caption'), hint: t.t('print.slips.getTeams.hint') },
  join: { caption: t.t('print.slips.join.caption'), hint: t.t('print.slips.join.hint') },
  footer: t.t('print.slips.footer'),
});

/** "+919988554401" → "01": the two digits a slip may show (never the whole number). */
export const phoneEnding = (e164: string): string => e164.replace(/\D/g, '').slice(-2);

/** The sign-in line: the code by text message for people known by phone, their usual way otherwise. */
export function howToSignIn(person: Pick<Person, 'phone'>, t: Translator): string {
  return person.phone
    ? t.t('print.slips.howToSignIn.phone', { ending: phoneEnding(person.phone) })
    : t.t('print.slips.howToSignIn.usual');
}

/** A person's slip for one group. */
export function slipFor(
  person: Pick<Person, 'displayName' | 'phone' | 'userPrincipalName'>,
  group: { name: string },
  joinUrl: string,
  t: Translator,
): SlipSpec {
  return {
    // A slip never prints the number, so someone known only by phone gets a line to write their name on.
    name: person.displayName ?? '____________________',
    groupName: group.name,
    groupLine: t.t('print.slips.group', { group: group.name }),
    signInName: person.userPrincipalName,
    howToSignIn: howToSignIn(person, t),
    joinUrl,
  };
}

/** Slips in the order the desk looks for them: by name, then as they came. */
export const byName = (a: SlipSpec, b: SlipSpec): number =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
