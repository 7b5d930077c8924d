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
  words: typeof slipWords;
}

/** The words every slip prints, in one place. */
export const slipWords = {
  signInLabel: 'Your sign-in name',
  signInUnknown: 'Your sign-in name will be given at the desk',
  getTeams: { caption: '1 · Get Microsoft Teams', hint: 'or open aka.ms/getteams' },
  join: { caption: '2 · Join your group', hint: 'Scan once you are signed in' },
  footer: 'Cut along the dashed lines and hand each person their own slip. Slips never show a password.',
} as const;

/** "+919988554401" → "01": the two digits a slip may show (never the whole number). */
export const phoneEnding = (e164: string): string => e164.replace(/\D/g, '').slice(-2);

/** The sign-in line: the code by text message for people known by phone, their usual way otherwise. */
export function howToSignIn(person: Pick<Person, 'phone'>): string {
  return person.phone
    ? `Sign in with the code sent to your phone ending ··${phoneEnding(person.phone)}`
    : 'Sign in the way you usually sign in at work';
}

/** A person's slip for one group. */
export function slipFor(
  person: Pick<Person, 'displayName' | 'phone' | 'userPrincipalName'>,
  group: { name: string },
  joinUrl: string,
): SlipSpec {
  return {
    // A slip never prints the number, so someone known only by phone gets a line to write their name on.
    name: person.displayName ?? '____________________',
    groupName: group.name,
    signInName: person.userPrincipalName,
    howToSignIn: howToSignIn(person),
    joinUrl,
  };
}

/** Slips in the order the desk looks for them: by name, then as they came. */
export const byName = (a: SlipSpec, b: SlipSpec): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
