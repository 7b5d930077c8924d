/** One slide of the lobby slideshow. The "join" slide carries the QR code when a group's link is given. */
export interface Slide {
  id: 'why' | 'how' | 'join' | 'help';
  title: string;
  lines: string[];
}

export const slides: readonly Slide[] = [
  {
    id: 'why',
    title: 'Why our work chat is moving to Teams',
    lines: [
      'Work stays with work: no more mixing with family and friends.',
      'History and files stay when a phone is lost or changed.',
      'Quiet hours: switch off when your shift ends.',
    ],
  },
  {
    id: 'how',
    title: 'Joining takes a minute',
    lines: [
      '1. Scan your group’s code or open its invite link.',
      '2. Tap “Sign in and join” and use your work account.',
      '3. Open Teams and say hello.',
    ],
  },
  {
    id: 'join',
    title: 'Join now',
    lines: ['Point your phone camera at the code.'],
  },
  {
    id: 'help',
    title: 'Need a hand?',
    lines: [
      'Visit the activation desk, or ask a champ.',
      'No smartphone? We will help you join from a shared computer.',
    ],
  },
];
