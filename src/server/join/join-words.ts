import { posterDate } from '../../domain/rollout/content/posters';

/**
 * Every word the join pages show, in one typed catalogue, so a translation is one more object of this
 * shape. Plain words for someone who opened a link from a chat app on a phone: what this is, what to
 * do next. Values are plain text; the page escapes them.
 */
export interface JoinWords {
  lang: string;
  brand: string;
  previewTitle(group: string): string;
  previewDescription(input: { group: string; sharedBy: string | null; organisation: string | null }): string;
  previewAlt(group: string): string;
  invitedBy(name: string): string;
  invited: string;
  joinTitle(group: string): string;
  facts: {
    partOf: string;
    organisation: string;
    personal: string;
    sharedBy: string;
    people: string;
    peopleCount(n: number): string;
    validUntil: string;
    usesLeft: string;
  };
  organisationOnly(organisation: string, approvalRequired: boolean): string;
  approvalRequired: string;
  waysTitle(count: number): string;
  signIn: {
    title: string;
    text: string;
    button: string;
    /** On a link that needs an admin's approval, signing in asks rather than joins. */
    approvalText: string;
    approvalButton: string;
    developerNote: string;
  };
  openInTeams: { title: string; text: string; button: string; noBot(link: string): string };
  askToJoin: {
    title: string;
    text: string;
    name: string;
    phone: string;
    region: string;
    regionHint: string;
    button: string;
    failed: string;
  };
  getTeams: { title: string; android: string; ios: string; desktop: string };
  states: {
    expired(since: string | null): { title: string; text: string };
    revoked(since: string | null): { title: string; text: string };
    usedUp(maxUses: number | null): { title: string; text: string };
    unknown: { title: string; text: string };
  };
  askSharer(sharedBy: string | null): string;
  joined(group: string): { title: string; text: string };
  alreadyMember(group: string): { title: string; text: string };
  requested(group: string): { title: string; text: string };
  openTeam: string;
  openBotChat: string;
  signInFailed: string;
  tryAgain: string;
  /** Over the per-address budget of public pages: a phone gets words, not the JSON error body. */
  rateLimited(seconds: number): { title: string; text: string };
  developer: {
    title: string;
    warning: string;
    choose: string;
    orType: string;
    type: string;
    name: string;
    phone: string;
    button: string;
  };
}

export const englishJoinWords: JoinWords = {
  lang: 'en',
  brand: 'Convene',
  previewTitle: (group) => `Join ${group} on Microsoft Teams`,
  previewDescription: ({ group, sharedBy, organisation }) =>
    `${sharedBy ? `${sharedBy} invited you to` : 'You are invited to'} ${group}${
      organisation ? ` (${organisation})` : ''
    }. Tap to join the group in Microsoft Teams.`,
  previewAlt: (group) => `Invitation to join ${group} on Microsoft Teams`,
  invitedBy: (name) => `${name} invited you to a group on Microsoft Teams`,
  invited: 'You are invited to a group on Microsoft Teams',
  joinTitle: (group) => `Join ${group}`,
  facts: {
    partOf: 'Part of',
    organisation: 'Organisation',
    personal: 'None: a personal group',
    sharedBy: 'Shared by',
    people: 'People',
    peopleCount: (n) => (n === 1 ? '1 person' : `${n.toLocaleString('en-GB')} people`),
    validUntil: 'Link works until',
    usesLeft: 'Places left on this link',
  },
  organisationOnly: (organisation, approvalRequired) =>
    approvalRequired
      ? `Signing in needs a ${organisation} work account. Everyone else can ask to join.`
      : `People with a ${organisation} work account join at once by signing in. Everyone else can ask to join, and an admin of the group decides.`,
  approvalRequired: 'An admin of the group approves each new member. You are added once they do.',
  waysTitle: (count) => `${['One way', 'Two ways', 'Three ways'][count - 1] ?? `${count} ways`} to join`,
  signIn: {
    title: 'Sign in with your work account',
    text: 'Use the Microsoft account you have from work. You join straight away.',
    button: 'Sign in and join',
    approvalText: 'Use the Microsoft account you have from work. An admin of the group then approves you.',
    approvalButton: 'Sign in and ask to join',
    developerNote: 'Local mode: this uses a developer sign-in, not Microsoft.',
  },
  openInTeams: {
    title: 'Already using Teams?',
    text: 'Open a chat with Convene in Teams. The message to join is ready: just press Send.',
    button: 'Open in Teams',
    noBot: (link) => `In Teams, send this to the Convene app: join ${link}`,
  },
  askToJoin: {
    title: 'No work account?',
    text: 'Ask to join with your name and phone number. An admin of the group decides whether to add you.',
    name: 'Your name',
    phone: 'Your mobile number',
    region: 'Country of your number',
    regionHint: 'Not needed if your number starts with +',
    button: 'Ask to join',
    failed: 'We couldn’t send your request',
  },
  getTeams: {
    title: 'Get Microsoft Teams',
    android: 'Android',
    ios: 'iPhone',
    desktop: 'Computer',
  },
  states: {
    expired: (since) => ({
      title: 'This invite link has expired',
      text: since ? `It stopped working on ${posterDate(since)}.` : 'It no longer works.',
    }),
    revoked: (since) => ({
      title: 'This invite link was reset',
      text: `The group’s admin replaced it with a new link${since ? ` on ${posterDate(since)}` : ''}.`,
    }),
    usedUp: (maxUses) => ({
      title: 'This invite link is full',
      text:
        maxUses === null
          ? 'It cannot be used again.'
          : maxUses === 1
            ? 'It was for 1 person, who has joined.'
            : `It was for ${maxUses} people, and all of them have joined.`,
    }),
    unknown: {
      title: 'We can’t find this invite link',
      text: 'Check that you opened the whole link, or it may have been mistyped.',
    },
  },
  askSharer: (sharedBy) =>
    sharedBy
      ? `Ask ${sharedBy} or another admin of the group for a new link.`
      : 'Ask the person who shared it for a new link.',
  joined: (group) => ({ title: `You’re in ${group}`, text: 'Open Microsoft Teams to find the group there.' }),
  alreadyMember: (group) => ({
    title: `You’re already in ${group}`,
    text: 'Nothing changed. Open Microsoft Teams to find the group there.',
  }),
  requested: (group) => ({
    title: 'Your request was sent',
    text: `Your request was sent to the admins of ${group}. Once one of them approves it, you are in the group.`,
  }),
  openTeam: 'Open in Teams',
  openBotChat: 'Open in Teams',
  signInFailed: 'We couldn’t sign you in',
  tryAgain: 'Back to the invite',
  rateLimited: (seconds) => ({
    title: 'Please wait a moment',
    text: `Too many requests came from your network in the last minute. Wait ${
      seconds === 1 ? 'a second' : `${seconds} seconds`
    }, then open the link again.`,
  }),
  developer: {
    title: 'Developer sign-in',
    warning:
      'This is not Microsoft sign-in. Convene is running in local mode, so you choose who you are. Never use this in production.',
    choose: 'Sign in as',
    orType: 'Or type a stand-in person',
    type: 'Type a stand-in person',
    name: 'Name',
    phone: 'Mobile number',
    button: 'Sign in',
  },
};
