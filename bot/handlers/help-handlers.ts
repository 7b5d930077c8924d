import { parseRegion } from '../../src/domain/people/phone-number';
import { shown, usages } from '../commands/command';
import type { Session } from '../session';
import { cardReply, type Reply, textReply } from './reply';

const meanings: Array<[string, string]> = [
  [usages['create-group'], 'Start a group; you are its admin.'],
  [usages.groups, 'Your groups, your role and who is in them.'],
  [usages.invite, 'A link to share in your old chat group.'],
  [usages.add, 'Add people by phone number.'],
  [usages.members, 'See, promote, demote or remove people.'],
  [usages.requests, 'Approve or decline people who asked to join.'],
  [usages.map, 'Hand the group to your organisation.'],
  [usages.poster, 'A poster with the invite link as a QR code.'],
  [usages.slips, 'Onboarding slips to print for the activation desk.'],
  [usages.photo, 'Paste a picture in the same message: it becomes the group’s photo.'],
  [usages.announce, 'Tell the group (or it and its sub-groups) something, with a preview first.'],
  [usages.join, 'Join a group with its invite link.'],
  [usages.region, 'How to read numbers without a country code.'],
];

/** `help`, and the welcome on installation or the first message. */
export function helpReply(displayName: string | null): Reply {
  return cardReply('welcome', {
    userName: displayName ?? 'there',
    commands: meanings.map(([usage, meaning]) => ({ usage: shown(usage), meaning })),
  });
}

/** `region <CC>` sets the sender's region for phone numbers; `region` alone says which is used. */
export async function regionReply(session: Session, raw: string | null): Promise<Reply> {
  if (raw === null) {
    return textReply(
      `I read phone numbers without a country code as ${await session.region()} numbers. Change it with: region ‹country code›, e.g. region GB.`,
    );
  }
  const region = parseRegion(raw);
  await session.deps.preferences.change(session.turn, (preferences) => {
    preferences.region = region;
  });
  return textReply(`Done: I will read phone numbers without a country code as ${region} numbers.`);
}
