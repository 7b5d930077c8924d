import type { PosterSpec } from '../rollout.ports';

/** The three steps to join, as every Convene poster prints them; the buttons named are the join page's. */
export const joinSteps = [
  'Open your phone camera and point it at the code below.',
  'Tap the link, then “Sign in and join” with your work account. No work account? “Ask to join” on the same page.',
  'Open Microsoft Teams (install it if it asks) and say hello in the group so everyone knows you made it.',
];

/** "5 March 2026": unambiguous on a wall in any country. */
export const posterDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The organisation-wide poster: why the move happens and where to ask, without a group's link. */
export function genericPosterSpec(organisationName: string | null): PosterSpec {
  return {
    kicker: organisationName ?? 'Convene',
    headline: 'Move your work chat to Teams',
    intro:
      'Work conversations belong where your work lives. Our chat groups are moving from personal messaging ' +
      'apps to Microsoft Teams: the same groups and the same people, now safe with your organisation.',
    steps: [
      'Look for the invite your group admin shares, or scan a group poster near you.',
      'Open it and sign in with your work account. Teams installs in a minute if you need it.',
      'Join your group and say hello. Then leave the old group when your admin says so.',
    ],
    footer: 'Questions? Ask your group admin or a champ, or open Convene in Teams.',
  };
}

/** The poster for one group: its name, its invite link as a QR code, and how to join. */
export function groupPosterSpec(input: {
  groupName: string;
  organisationName: string | null;
  inviteUrl: string;
  validUntil: string | null;
}): PosterSpec {
  return {
    kicker: input.organisationName ?? 'Convene',
    headline: input.groupName,
    intro: 'This group has moved to Microsoft Teams. Join it in three steps:',
    steps: joinSteps,
    qr: {
      url: input.inviteUrl,
      caption: input.validUntil
        ? `Scan to join · valid until ${posterDate(input.validUntil)}`
        : 'Scan to join',
    },
    footer: `No camera? Type the link: ${input.inviteUrl}`,
  };
}
