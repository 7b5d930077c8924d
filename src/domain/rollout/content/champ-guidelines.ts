import type { Guide } from './guide';

/** For champs: the people who make a group's move stick. */
export const champGuidelines: Guide = {
  id: 'champ-guidelines',
  title: 'Champs’ guidelines',
  audience: 'champs',
  summary:
    'What a champ does before, during and after a group moves to Teams: engagement, moderation, helping people and keeping the member list right.',
  sections: [
    {
      heading: 'Your role',
      paragraphs: [
        'A champ is a trusted colleague who helps a group make the move and keeps it healthy afterwards. You do not need to be an expert: you need to be reachable, patient and a little ahead of everyone else.',
      ],
    },
    {
      heading: 'User engagement',
      steps: [
        'Before the move: tell the old group why it is moving and when. Use the message template from the Resources page; it carries the invite link.',
        'On the day: post the group poster in the old group and put the printed one where people gather.',
        'In the first week: welcome each person who joins by name, and ask a simple question everyone can answer.',
        'After two weeks: check the member list for people who have not joined, and send them the invite card again.',
        'Close the old group only when nearly everyone has joined, and say so in both places.',
      ],
    },
    {
      heading: 'Content moderation',
      bullets: [
        'Keep conversations respectful and about work. Remind gently in the group, and in private for repeat cases.',
        'Remove customer data, passwords and ID numbers as soon as you see them, and tell the person why.',
        'Do not delete messages because you disagree with them; escalate harassment or threats to your manager or HR.',
        'Use announcements for news everyone must see, so it does not get lost in the conversation.',
      ],
    },
    {
      heading: 'Helping users',
      bullets: [
        'Most problems are sign-in: check the person uses their work account, not a personal one.',
        'An expired or reset link needs a new one: create it in Convene ("invite <group>" in the bot) and share it again.',
        'Someone without a smartphone can join from a shared computer at the activation desk.',
        'Note questions that come up twice and pass them on, so the guides get better.',
      ],
    },
    {
      heading: 'User management',
      bullets: [
        'Add people by phone number in the Convene tab or with "add <phones> to <group>" in the bot; adding someone twice changes nothing.',
        'Remove people who left the team or the organisation the same day.',
        'Champs look after members; making someone a group admin is for group admins and org admins.',
        'Every change is recorded, with who made it and when.',
      ],
    },
  ],
};
