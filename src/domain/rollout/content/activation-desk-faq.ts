import type { Guide } from './guide';

/** For the people staffing the activation desk: the questions they will hear, with the answers. */
export const activationDeskFaq: Guide = {
  id: 'activation-desk-faq',
  title: 'Activation desk: questions and answers',
  audience: 'desk staff',
  summary:
    'A one-sheet FAQ for the people staffing the activation desk: what to check, what to hand out and what to say when something goes wrong.',
  sections: [
    {
      heading: 'Before the doors open',
      steps: [
        'In the Convene tab, open No account: it lists the people added by phone who have no work account yet.',
        'Create their accounts (Create accounts), then print their onboarding slips (Print slips), eight to a page.',
        'Put up the desk poster, set the table tent on the desk and keep spare slips and a pen at hand.',
      ],
    },
    {
      heading: 'When someone arrives',
      steps: [
        'Ask for their name and phone number, and find their slip.',
        'Help them sign in to Teams with the sign-in name on the slip; the code arrives by text message.',
        'Have them scan the QR code on the slip and tap Join. Their group opens in Teams.',
      ],
    },
    {
      heading: 'Questions you will hear',
      bullets: [
        '“Is this my personal number being shared?” No: colleagues see your name, not your number. The number is how you sign in.',
        '“Do I need a new app?” Microsoft Teams, free from the app store. It asks for your work account, not a personal one.',
        '“I have no slip.” Check the No account list for their number. If they are not on it, their group admin has not added them yet: ask the admin, or use the group poster’s QR code and “Ask to join”.',
        '“The code never came.” Check the number on the slip with them. Wait a minute and ask for a new code; if it still fails, note the name for IT.',
        '“I already have a work account.” They do not need a slip: scan the group poster and sign in with the account they have.',
        '“Can I leave the old group now?” When the group admin says so. The old group closes once nearly everyone has joined.',
      ],
    },
    {
      heading: 'When to call IT',
      bullets: [
        'The sign-in says the account is blocked or needs another verification method.',
        'Someone’s slip shows a name that is not theirs.',
        'Many codes fail at once: text messages may be delayed for everyone.',
      ],
    },
  ],
};
