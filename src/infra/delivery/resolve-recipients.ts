import type { Logger } from 'pino';
import type { Directory, DirectoryUser, TeamsAddress } from '../../domain/directory/directory.port';
import type { Clock } from '../../domain/shared/clock.port';
import type { Delivery } from './delivery-queue';
import type { TeamsAddressBook } from './teams-address-book';

/** Where one claimed invite goes, or why it cannot go (now or ever). */
export type Recipient =
  | { kind: 'send'; tenantId: string; aadObjectId: string; address: TeamsAddress }
  | { kind: 'fail'; code: string; reason: string }
  | { kind: 'retry'; code: string; reason: string }
  | { kind: 'settled-joined' };

/** Records that people known by phone are these Entra users (one batch's worth at a time). */
export type EntraLink = (links: Array<{ personId: string; user: DirectoryUser }>) => Promise<void>;

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
    if (d.membershipState === null) {
      result.set(d.id, {
        kind: 'fail',
        code: 'MEMBERSHIP_WITHDRAWN',
        reason: 'They were removed from the group before the card was sent.',
      });
    } else if (d.membershipState === 'joined') {
      result.set(d.id, { kind: 'settled-joined' });
    } else if (d.personTenantId && d.personAadObjectId) {
      identities.set(d.id, { tenantId: d.personTenantId, aadObjectId: d.personAadObjectId });
    } else {
      const tenantId = d.organisationTenantId ?? d.inviterTenantId;
      if (!tenantId || !d.personPhone) {
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
    let found: Map<string, DirectoryUser>;
    try {
      found = await deps.directory.findUsersByPhone(tenantId, [
        ...new Set(deliveries.map((d) => d.personPhone!)),
      ]);
    } catch (error) {
      deps.logger.warn({ err: error, tenantId }, 'directory lookup failed; will retry');
      for (const d of deliveries) {
        result.set(d.id, {
          kind: 'retry',
          code: 'DIRECTORY_UNAVAILABLE',
          reason: `Directory lookup failed: ${String(error)}`,
        });
      }
      continue;
    }
    const links: Array<{ personId: string; user: DirectoryUser }> = [];
    for (const d of deliveries) {
      const user = found.get(d.personPhone!);
      if (!user) {
        result.set(d.id, {
          kind: 'fail',
          code: 'NOT_IN_DIRECTORY',
          reason: `No Microsoft 365 account in the organisation has the number ${d.personPhone}; share the invite link instead.`,
        });
        continue;
      }
      identities.set(d.id, { tenantId: user.tenantId, aadObjectId: user.aadObjectId });
      links.push({ personId: d.personId, user });
    }
    // One transaction for the batch: the cards wait for it, and Teams' rate leaves no time to spare.
    await deps.linkPerson(links).catch((error) => {
      deps.logger.warn({ err: error, tenantId }, 'could not link people to their accounts');
    });
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
