import type { MessageId } from '../../../i18n/catalogue';
import type { Translator } from '../../../i18n/translator';

/** Where a message is posted; each has its own tone and length. */
export type TemplateChannel = 'consumer-app' | 'intranet' | 'email';

/** A message with {{placeholders}} for the group's details (or with them filled in). */
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

/** Each template: its id, channel and catalogue key (`print.templates.<key>.title|subject|text`). */
const templates: ReadonlyArray<{ id: string; channel: TemplateChannel; key: string; subject: boolean }> = [
  { id: 'old-group-announcement', channel: 'consumer-app', key: 'oldGroupAnnouncement', subject: false },
  { id: 'old-group-reminder', channel: 'consumer-app', key: 'oldGroupReminder', subject: false },
  { id: 'intranet-news', channel: 'intranet', key: 'intranetNews', subject: true },
  { id: 'email-invitation', channel: 'email', key: 'emailInvitation', subject: true },
];

/**
 * The templates in the translator's language with the values filled in. Without values, the
 * placeholders show as written, {{groupName}}, for org admins to preview. The link sits in Unicode
 * isolates in right-to-left languages (the catalogue's Arabic does it), so it pastes reading left to right.
 */
export function messageTemplates(t: Translator, values?: TemplateValues): MessageTemplate[] {
  const filled: Record<keyof TemplateValues, string> =
    values ??
    (Object.fromEntries(templatePlaceholders.map((name) => [name, `{{${name}}}`])) as Record<
      keyof TemplateValues,
      string
    >);
  const word = (key: string, part: string): string =>
    t.t(`print.templates.${key}.${part}` as MessageId, filled);
  return templates.map((template) => ({
    id: template.id,
    channel: template.channel,
    title: word(template.key, 'title'),
    ...(template.subject ? { subject: word(template.key, 'subject') } : {}),
    text: word(template.key, 'text'),
  }));
}
