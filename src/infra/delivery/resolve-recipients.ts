import type { Logger } from 'pino';
import type {
  Directory,
  DirectoryMatch,
  DirectoryUser,
  TeamsAddress,
} from '../../domain/directory/directory.port';
import type { TeamsAddressBook } from '../../domain/directory/teams-address-book.port';
import type { Clock } from '../../domain/shared/clock.port';
import type { Delivery } from './delivery-queue';

/** Where one claimed invite goes, or why it cannot go (now or ever). */
export type Recipient =
  | { kind: 'send'; tenantId: string; aadObjectId: string; address: TeamsAddress }
  | { kind: 'fail'; code: string; reason: string }
  | { kind: 'retry'; code: string; reason: string }
  | { kind: 'settled-joined' };

/** What one batch's directory lookups found: accounts to link, people no account matched, lookups that failed. */
export interface DirectoryLookups {
  links: Array<{ personId: string; user: DirectoryUser }>;
  notFound?: string[];
  failed?: string[];
}

/**
 * Links people without an account to the Entra users found for them and records every person's last
 * lookup (one batch's worth at a time).
 */
export type EntraLink = (lookups: DirectoryLookups) => Promise<void>;

export interface ResolveDeps {
  directory: Directory;
  addressBook: TeamsAddressBook;
  linkPerson: EntraLink;
  clock: Clock;
  logger: Logger;
}

const REACH_CONCURRENCY = 8;

/**
 * Works out, for a claimed batch, who each card goes to and where their chat is: people known only
 * by phone are looked up in the directory in one call per tenant (the directory batches them),
 * then each person's 1:1 chat comes from the address book or is opened through the directory.
 */
export async function resolveRecipients(
  batch: Delivery[],
  deps: ResolveDeps,
): Promise<Map<string, Recipient>> {
  const result = new Map<string, Recipient>();
  const identities = new Map<string, { tenantId: string; aadObjectId: string }>();
  const lookups = new Map<string, Delivery[]>();
  for (const d of batch) {
    // An announcement goes to whoever was in its audience when it started; only invites follow the membership.
    if (d.kind === 'invite' && d.membershipState === null) {
      result.set(d.id, {
        kind: 'fail',
        code: 'MEMBERSHIP_WITHDRAWN',
        reason: 'They were removed from the group before the card was sent.',
      });
    } else if (d.kind === 'invite' && d.membershipState === 'joined') {
      result.set(d.id, { kind: 'settled-joined' });
    } else if (d.personTenantId && d.personAadObjectId) {
      identities.set(d.id, { tenantId: d.personTenantId, aadObjectId: d.personAadObjectId });
    } else {
      const tenantId = d.organisationTenantId ?? d.inviterTenantId;
      if (!tenantId || !(d.personPhone || d.personEmail || d.personEmployeeId)) {
        result.set(d.id, {
          kind: 'fail',
          code: 'NO_DIRECTORY',
          reason: 'There is no Microsoft 365 organisation to look their number up in; share the invite link.',
        });
      } else {
        const forTenant = lookups.get(tenantId);
        if (forTenant) forTenant.push(d);
        else lookups.set(tenantId, [d]);
      }
    }
  }

  for (const [tenantId, deliveries] of lookups) {
    const people = new Map(deliveries.map((d) => [d.personId, d]));
    let found: Map<string, DirectoryMatch>;
    try {
      found = await deps.directory.findPeople(
        tenantId,
        [...people.values()].map((d) => ({
          key: d.personId,
          phone: d.personPhone,
          email: d.personEmail,
          employeeId: d.personEmployeeId,
        })),
      );
    } catch (error) {
      deps.logger.warn({ err: error, tenantId }, 'directory lookup failed; will retry');
      for (const d of deliveries) {
        result.set(d.id, {
          kind: 'retry',
          code: 'DIRECTORY_UNAVAILABLE',
          reason: `Directory lookup failed: ${String(error)}`,
        });
      }
      await record(deps, tenantId, { links: [], failed: [...people.keys()] });
      continue;
    }
    for (const d of deliveries) {
      const match = found.get(d.personId);
      if (!match) {
        result.set(d.id, { kind: 'fail', code: 'NOT_IN_DIRECTORY', reason: notInDirectory(d) });
        continue;
      }
      identities.set(d.id, { tenantId: match.user.tenantId, aadObjectId: match.user.aadObjectId });
    }
    const notFound = [...people.keys()].filter((id) => !found.has(id));
    const links = [...found].map(([personId, match]) => ({ personId, user: match.user }));
    // One transaction for the batch: the cards wait for it, and Teams' rate leaves no time to spare.
    await record(deps, tenantId, { links, notFound });
  }

  // One address lookup per person, shared by all of their invites in the batch (a person added to
  // several groups at once has several cards going to the same chat).
  const invitesOf = new Map<string, { identity: { tenantId: string; aadObjectId: string }; ids: string[] }>();
  for (const [inviteId, identity] of identities) {
    const key = `${identity.tenantId}|${identity.aadObjectId}`;
    const person = invitesOf.get(key);
    if (person) person.ids.push(inviteId);
    else invitesOf.set(key, { identity, ids: [inviteId] });
  }
  const pending = [...invitesOf.values()];
  const reachOne = async ({
    identity,
    ids,
  }: {
    identity: { tenantId: string; aadObjectId: string };
    ids: string[];
  }) => {
    let recipient: Recipient;
    try {
      let address = await deps.addressBook.find(identity.tenantId, identity.aadObjectId);
      if (!address) {
        address = await deps.directory.reachUser(identity.tenantId, identity.aadObjectId);
        if (address)
          await deps.addressBook.remember(identity.tenantId, identity.aadObjectId, address, deps.clock.now());
      }
      recipient = address
        ? { kind: 'send', ...identity, address }
        : {
            kind: 'fail',
            code: 'NOT_REACHABLE',
            reason: 'Convene cannot open a chat with them in Teams (the app is not installed for them).',
          };
    } catch (error) {
      recipient = {
        kind: 'retry',
        code: 'DIRECTORY_UNAVAILABLE',
        reason: `Could not reach them: ${String(error)}`,
      };
    }
    for (const id of ids) result.set(id, recipient);
  };
  // A few at a time: opening a chat can take several directory calls.
  await Promise.all(
    Array.from({ length: Math.min(REACH_CONCURRENCY, pending.length) }, async () => {
      for (let next = pending.shift(); next; next = pending.shift()) await reachOne(next);
    }),
  );
  return result;
}

async function record(deps: ResolveDeps, tenantId: string, lookups: DirectoryLookups): Promise<void> {
  await deps.linkPerson(lookups).catch((error) => {
    deps.logger.warn({ err: error, tenantId }, 'could not record directory lookups');
  });
}

/**
 * Says what was tried. The number is shown as before; an e-mail address or employee id is only
 * named, not repeated, so the reason tells no more about a person than it did.
 */
function notInDirectory(d: Delivery): string {
  const others = [
    ...(d.personEmail ? ['e-mail address'] : []),
    ...(d.personEmployeeId ? ['employee ID'] : []),
  ];
  const given = `the ${others.join(' or ')} given for them`;
  const tried = !d.personPhone
    ? given
    : others.length > 0
      ? `the number ${d.personPhone} (nor ${given})`
      : `the number ${d.personPhone}`;
  return `No Microsoft 365 account in the organisation has ${tried}; share the invite link instead.`;
}
