/** Where a message is posted; each has its own tone and length. */
export type TemplateChannel = 'consumer-app' | 'intranet' | 'email';

/** A message with {{placeholders}} for the group's details. */
export interface MessageTemplate {
  id: string;
  channel: TemplateChannel;
  title: string;
  subject?: string;
  text: string;
}

/** The values a template can use. */
export interface TemplateValues {
  groupName: string;
  inviteLink: string;
  validUntil: string;
  organisationName: string;
}

export const templatePlaceholders: readonly (keyof TemplateValues)[] = [
  'groupName',
  'inviteLink',
  'validUntil',
  'organisationName',
];

export const messageTemplates: readonly MessageTemplate[] = [
  {
    id: 'old-group-announcement',
    channel: 'consumer-app',
    title: 'Announcement for the old chat group',
    text:
      'Hello everyone! From today "{{groupName}}" continues in Microsoft Teams, where our work chat belongs to {{organisationName}} and not to our personal phones.\n\n' +
      'Join in one tap: {{inviteLink}}\n' +
      'Sign in with your work account. The link works until {{validUntil}}.\n\n' +
      'We will keep this group open for a little while so nobody is left behind. Questions? Reply here.',
  },
  {
    id: 'old-group-reminder',
    channel: 'consumer-app',
    title: 'Reminder for the old chat group',
    text: 'Reminder: "{{groupName}}" now lives in Microsoft Teams. If you have not joined yet, tap {{inviteLink}} and sign in with your work account. This group will close soon.',
  },
  {
    id: 'intranet-news',
    channel: 'intranet',
    title: 'Intranet news item',
    subject: '"{{groupName}}" is moving to Microsoft Teams',
    text:
      '"{{groupName}}" is moving from a personal messaging app to Microsoft Teams. The same people and the same conversations, now looked after by {{organisationName}}: history stays when phones change, and you can mute work when your day is done.\n\n' +
      'How to join:\n' +
      '1. Open {{inviteLink}} on your phone or computer.\n' +
      '2. Tap “Sign in and join” and use your work account. No work account? Tap “Ask to join” instead.\n' +
      '3. Open Teams (install it if it asks) and say hello.\n\n' +
      'The link works until {{validUntil}}. Your group admin and the champs can help if anything gets in the way.',
  },
  {
    id: 'email-invitation',
    channel: 'email',
    title: 'E-mail invitation',
    subject: 'Join "{{groupName}}" in Microsoft Teams',
    text:
      'Hello,\n\n' +
      'Our group "{{groupName}}" is moving to Microsoft Teams, so that our work chat stays with {{organisationName}}.\n\n' +
      'Please join here: {{inviteLink}}\n' +
      'Sign in with your work account. The link works until {{validUntil}}.\n\n' +
      'Once you are in, say hello so we know you made it. If you get stuck, reply to this e-mail.\n\n' +
      'Thank you!',
  },
];

/** Fills every {{placeholder}}; unknown ones stay visible rather than vanish silently. */
export function fillMessage(text: string, values: TemplateValues): string {
  return text.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in values ? values[name as keyof TemplateValues] : match,
  );
}
