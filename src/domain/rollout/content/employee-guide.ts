import type { Guide } from './guide';

/** For employees: joining a group and finding their way around it. Short enough to read on a phone. */
export const employeeGuide: Guide = {
  id: 'employee-guide',
  title: 'Your work chat in Teams: a five-minute guide',
  audience: 'employees',
  summary:
    'How to join your group in Microsoft Teams, send your first message and keep up without being buzzed all day.',
  sections: [
    {
      heading: 'Why we are moving',
      paragraphs: [
        'Personal messaging apps mix work with family and friends, and the organisation cannot help when a phone is lost or someone leaves. In Teams, the group, its files and its history stay with the organisation, and you can switch work off when your shift ends.',
      ],
    },
    {
      heading: 'Join your group',
      steps: [
        'Open the invite: tap the link your group admin shared, scan the QR code on a poster, or open the invite card Convene sent you in Teams.',
        'Sign in with your work account. If Teams is not on your phone yet, install it from your app store and sign in there.',
        'Tap Join. You land in your group’s conversation.',
      ],
      paragraphs: ['If the link says it has expired or was reset, ask your group admin for a fresh one.'],
    },
    {
      heading: 'Your first message',
      steps: [
        'Say hello so your colleagues know you made it.',
        'Mention someone with @ and their name when you need their answer.',
        'Attach a photo or a file with the paper clip; it stays in the group’s Files.',
      ],
    },
    {
      heading: 'Stay on top without the noise',
      bullets: [
        'Mute a busy group and turn on notifications only for @mentions.',
        'Set quiet hours in Teams settings so work waits until your next shift.',
        'Pin the groups you use most so they stay at the top of your chat list.',
      ],
    },
    {
      heading: 'Good habits',
      bullets: [
        'Keep work chat about work; share personal news in personal apps.',
        'Do not post customer details, passwords or ID numbers in a chat.',
        'When the old group closes, leave it: everything continues in Teams.',
      ],
    },
    {
      heading: 'Need help?',
      paragraphs: [
        'Your group admin and your champs are there to help. You can also open the Convene app in Teams and type "help".',
      ],
    },
  ],
};
