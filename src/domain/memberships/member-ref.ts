import type { Group } from '../groups/group';
import { parseRegion, toE164 } from '../people/phone-number';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Membership } from './membership';
import { NotAMember } from './membership.errors';

/** Names a member either by person id (the tab) or by phone number (the bot). */
export type MemberRef = { personId: string } | { phone: string; region: string };

export async function resolveMember(repos: Repositories, group: Group, ref: MemberRef): Promise<Membership> {
  let personId: string | undefined;
  let label: string;
  if ('personId' in ref) {
    personId = ref.personId;
    label = 'That person';
  } else {
    const phone = toE164(ref.phone, parseRegion(ref.region));
    personId = (await repos.people.findByPhone(phone))?.id;
    label = phone;
  }
  const membership = personId ? await repos.memberships.find(group.id, personId) : undefined;
  if (!membership) throw new NotAMember(label, group.name);
  return membership;
}
