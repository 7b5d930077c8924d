import { loadGroup } from '../groups/load-group';
import { loadUsableLink } from '../invites/load-usable-link';
import { parseRegion, type Region, toE164 } from '../people/phone-number';
import type { DomainContext } from '../shared/unit-of-work.port';
import { fileJoinRequest } from './file-join-request';
import { JOIN_REQUEST_NAME_MAX_LENGTH } from './join-request';
import { JoinRequestNameInvalid, JoinRequestRegionNeeded } from './join-request.errors';

export interface RequestToJoinInput {
  token: string;
  displayName: string;
  phone: string;
  /** The region the number is read in; defaults to the region of the group's organisation. */
  region?: string;
  /** An opaque per-address key (the transport's choice), to limit requests per sender. */
  requesterKey?: string;
}

export interface RequestToJoinResult {
  requestId: string;
  groupName: string;
  status: 'pending';
}

/**
 * Someone without a work account asks to join through an invite link: their name and phone number go
 * to the group's admins. Anonymous by nature, so the answer is the same whether or not the number is
 * already in the group.
 */
export async function requestToJoin(
  ctx: DomainContext,
  input: RequestToJoinInput,
): Promise<RequestToJoinResult> {
  const displayName = normaliseRequesterName(input.displayName);
  return ctx.uow.run(async (repos) => {
    const now = ctx.clock.now();
    const link = await loadUsableLink(repos, input.token, now);
    const group = await loadGroup(repos, link.groupId);
    // "Organisation accounts only" governs who joins at once. A request joins nobody: an admin decides,
    // as when they add a number themselves, so frontline people without an account still have a way in.
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    const phone = toE164(input.phone, regionFor(input.phone, input.region ?? organisation?.defaultRegion));
    const request = await fileJoinRequest(repos, {
      link,
      group,
      displayName,
      phone,
      personId: null,
      requesterKey: input.requesterKey ?? null,
      now,
    });
    return { requestId: request.id, groupName: group.name, status: 'pending' };
  });
}

/** A name as typed on a phone: inner white space folded, control characters dropped. */
export function normaliseRequesterName(raw: string): string {
  const name = raw
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '' || [...name].length > JOIN_REQUEST_NAME_MAX_LENGTH) throw new JoinRequestNameInvalid();
  return name;
}

/**
 * The region to read the number in. A personal group has no organisation to take one from; a number
 * with its own country code needs none (any region reads "+44…" the same way).
 */
function regionFor(phone: string, region: string | undefined): Region {
  if (region) return parseRegion(region);
  if (/^\s*(\+|00)/.test(phone)) return 'US';
  throw new JoinRequestRegionNeeded();
}
