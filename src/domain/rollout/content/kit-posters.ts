import type { PosterSpec } from '../rollout.ports';

/**
 * The rollout kit's printed material beyond the join posters: one for group admins (bring your group
 * across and add it to the organisation) and one for the activation desk, where people without a work
 * account get one. The desk's table tent prints the desk poster twice, folded.
 */
export type KitPosterId = 'group-admin-poster' | 'activation-desk-poster';

/** The steps a group admin follows in the bot; the commands are the bot's own words (`bot/commands`). */
export function groupAdminPosterSpec(organisationName: string | null): PosterSpec {
  const organisation = organisationName ?? 'your organisation';
  return {
    kicker: organisationName ?? 'Convene',
    headline: 'Run a chat group? Bring it to Teams',
    intro:
      `Group admins move their group in three steps, in about a minute, in a chat with Convene in Microsoft Teams ` +
      `(Apps › search “Convene” › Add). Your group keeps its name and its people.`,
    steps: [
      'Sign in to Teams with your work account, open the chat with Convene and say “create group” and the group’s name.',
      'Say “invite” and share the link or the poster in your old chat group. Everyone who taps it joins.',
      `Say “add to organisation” and sign in when asked: ${organisation} now owns the group and its data.`,
    ],
    footer: 'Stuck? Ask a champ, visit the activation desk, or say “help” to Convene.',
  };
}

/** The activation desk's poster: what to bring and what happens there. */
export function activationDeskPosterSpec(organisationName: string | null): PosterSpec {
  return {
    kicker: organisationName ?? 'Convene',
    headline: 'Activation desk: get your work account here',
    intro:
      'No work account yet? Our work chat is moving to Microsoft Teams, and this desk gets you in. It takes five minutes.',
    steps: [
      'Bring your phone, with the number your group admin knows. Give the desk your name and phone number.',
      'Take your onboarding slip: it has your sign-in name. Sign in to Teams with it; the code comes by text message.',
      'Scan your group’s QR code on the slip, tap Join, and say hello in the group.',
    ],
    footer:
      'Already have an account? Scan your group’s poster instead. Questions? Ask the people at this desk.',
  };
}

export const kitPosterSpecs: Readonly<Record<KitPosterId, (organisationName: string | null) => PosterSpec>> =
  {
    'group-admin-poster': groupAdminPosterSpec,
    'activation-desk-poster': activationDeskPosterSpec,
  };
