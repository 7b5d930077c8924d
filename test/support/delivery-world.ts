import { randomUUID } from 'node:crypto';
import { renderInviteActivity } from '../../bot/invite-card/render-invite-activity';
import { createGroup } from '../../src/domain/groups/create-group';
import { addMembersByPhone } from '../../src/domain/memberships/add-members-by-phone';
import { systemClock } from '../../src/domain/shared/clock.port';
import { createDeliveryWorker } from '../../src/infra/delivery/create-delivery-worker';
import { DeliveryQueue } from '../../src/infra/delivery/delivery-queue';
import type { DeliveryWorkerOptions } from '../../src/infra/delivery/delivery-worker';
import { LocalDirectory } from '../../src/infra/directory/local-directory';
import type { LocalDirectoryEntry } from '../../src/infra/directory/local-directory-file';
import { createLogger } from '../../src/infra/logging/logger';
import type { Storage } from '../../src/infra/storage/database';
import { SqlTeamsAddressBook } from '../../src/infra/storage/repositories/teams-address-book.sql';
import { CONTOSO_TENANT, type DomainWorld } from './domain-world';

/** An Indian mobile number that libphonenumber accepts, unique per index. */
export const phoneNumber = (i: number): string => `+9198${String(100_000_000 + i).slice(1)}`;

/**
 * Groups with members added by phone (so invites are queued the way the product queues them),
 * whose Teams users are in the local directory and have chatted with the bot through `connectorUrl`.
 */
export async function seedInvites(
  storage: Storage,
  world: DomainWorld,
  input: { people: number; groups: number; connectorUrl: string; reachable?: (i: number) => boolean },
): Promise<{ entries: LocalDirectoryEntry[]; conversationOf: Map<string, string> }> {
  const { actor, organisation } = await world.orgAdmin('Ira');
  const entries: LocalDirectoryEntry[] = [];
  const conversationOf = new Map<string, string>();
  const book = new SqlTeamsAddressBook(storage.db);
  const phones: string[] = [];
  for (let i = 0; i < input.people; i++) {
    const phone = phoneNumber(i);
    phones.push(phone);
    if (input.reachable && !input.reachable(i)) continue;
    const aadObjectId = randomUUID();
    entries.push({ phone, aadObjectId, displayName: `Person ${i}` });
    const conversationId = `a:personal:${aadObjectId}`;
    conversationOf.set(phone, conversationId);
    await book.remember(
      CONTOSO_TENANT,
      aadObjectId,
      { serviceUrl: input.connectorUrl, conversationId },
      new Date(),
    );
  }
  for (let g = 0; g < input.groups; g++) {
    const group = await createGroup(
      world.ctx,
      { name: `Shift ${g}`, organisationId: organisation.id },
      actor,
    );
    for (let start = 0; start < phones.length; start += 500) {
      await addMembersByPhone(
        world.ctx,
        {
          groupId: group.id,
          phones: phones.slice(start, start + 500),
          region: 'IN',
          role: 'member',
          source: 'bulk',
        },
        actor,
      );
    }
  }
  return { entries, conversationOf };
}

export const fastRetries: Pick<
  DeliveryWorkerOptions,
  'maxAttempts' | 'backoffBaseMs' | 'backoffMaxMs' | 'pollMs'
> = {
  maxAttempts: 8,
  backoffBaseMs: 40,
  backoffMaxMs: 400,
  pollMs: 20,
};

/** A worker over `storage` using the local directory `entries`. */
export function workerFor(
  storage: Storage,
  world: DomainWorld,
  entries: LocalDirectoryEntry[],
  options: Partial<DeliveryWorkerOptions> = {},
) {
  return createDeliveryWorker({
    storage,
    // Pacing and retries run on real time, whatever clock the world's use cases use.
    ctx: { uow: world.ctx.uow, clock: systemClock },
    directory: new LocalDirectory(storage.db, CONTOSO_TENANT, entries),
    render: renderInviteActivity,
    logger: createLogger('silent'),
    options: { ratePerSecond: 50, perConversationPerSecond: 7, ...fastRetries, ...options },
  });
}

/** Waits until nothing is left in the queue (or the deadline passes). */
export async function drained(storage: Storage, deadlineMs = 60_000): Promise<Record<string, number>> {
  const queue = new DeliveryQueue(storage.db, storage.dialect);
  const until = Date.now() + deadlineMs;
  for (;;) {
    const counts = await queue.counts();
    if (!counts.queued || Date.now() > until) return counts;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
