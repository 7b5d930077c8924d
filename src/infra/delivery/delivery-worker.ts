import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Directory } from '../../domain/directory/directory.port';
import type { TeamsAddressBook } from '../../domain/directory/teams-address-book.port';
import type { RenderInviteActivity } from '../../domain/invites/invite-card';
import type { Clock } from '../../domain/shared/clock.port';
import { yieldToEventLoop } from '../../domain/shared/yield-to-event-loop';
import { PollingLoop } from '../jobs/polling-loop';
import { backoffDelay } from '../retry/backoff';
import type { AnnouncementCardContent, RenderAnnouncementActivity } from './announcement-card-content';
import type { BotConnectorClient } from './bot-connector-client';
import type { ChannelPoster } from './channel-poster';
import type { Delivery, DeliveryQueue } from './delivery-queue';
import { Pacer } from './pacer';
import { type EntraLink, type Recipient, resolveRecipients } from './resolve-recipients';
import { judgeSendFailure, type RetryPolicy } from './retry-policy';

export interface DeliveryPacing {
  /** Requests per second per tenant for the whole app (Teams allows about 50). */
  ratePerSecond: number;
  /** Messages per second into one conversation (Teams allows 7). */
  perConversationPerSecond: number;
}

export interface DeliveryWorkerOptions extends DeliveryPacing, RetryPolicy {
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  /** How long to wait before looking again when nothing is due. */
  pollMs?: number;
}

export interface DeliveryWorkerDeps {
  queue: DeliveryQueue;
  addressBook: TeamsAddressBook;
  directory: Directory;
  connector: BotConnectorClient;
  render: RenderInviteActivity;
  /** Renders announcement copies; without it the worker sends invites only. */
  renderAnnouncement?: RenderAnnouncementActivity;
  /** Posts announcements in teams' General channels, behind the same pacers; absent: no channel posts. */
  channelPosts?: ChannelPoster;
  /** Links people to the accounts found for them and records their last lookup (through the domain's repositories). */
  linkPerson: EntraLink;
  clock: Clock;
  logger: Logger;
}

/**
 * Sends queued invite cards: claims a batch under a lease, works out where each person can be
 * reached, then sends through two gates (one per tenant, one per conversation) so that Teams'
 * limits are never exceeded. While one batch goes out, the next is claimed and resolved, so the
 * gates never stand idle waiting for a claim (at most two batches are out at once). Retries are
 * durable: a retry is a new due time in the database, not a timer in memory.
 */
export class DeliveryWorker {
  readonly id: string;
  private readonly pacers = new Map<string, Pacer>();
  private readonly polling: PollingLoop;
  /** The batch still being sent while the polling loop prepares the next one. */
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.id = options.workerId ?? `delivery-${randomUUID()}`;
    this.polling = new PollingLoop(
      () => this.round(),
      options.pollMs ?? 500,
      (error) => deps.logger.error({ err: error }, 'invite delivery round failed'),
    );
  }

  start(): void {
    this.polling.start();
  }

  /** Stops claiming; resolves when the batches out have been recorded. */
  async stop(): Promise<void> {
    await this.polling.stop();
    await this.sending;
  }

  /** Looks for due invites now instead of at the next poll (after new invites were queued). */
  wake(): void {
    this.polling.nudge();
  }

  /** Claims and sends one batch, to the end; returns how many invites it handled. */
  async runOnce(): Promise<number> {
    const batch = await this.prepare();
    if (!batch) return 0;
    await this.send(batch);
    return batch.deliveries.length;
  }

  /**
   * One round of the polling loop: prepares a batch while the previous one is still going out,
   * starts sending it, then waits for the previous one to finish.
   */
  private async round(): Promise<boolean> {
    const batch = await this.prepare();
    const previous = this.sending;
    if (batch) this.sending = this.send(batch);
    // Channel posts are few (one per team) and share the tenant's pacer with the cards going out.
    const posted = await this.postInChannelsOnce().catch((error) => {
      this.deps.logger.error({ err: error }, 'channel posts round failed');
      return 0;
    });
    await previous;
    return batch !== undefined || posted > 0;
  }

  /** Sends the due General-channel posts; returns how many it handled. */
  async postInChannelsOnce(): Promise<number> {
    return (await this.deps.channelPosts?.runOnce((tenantId) => this.pacer(tenantId))) ?? 0;
  }

  /** Claims due invites and works out where each person can be reached. */
  private async prepare(): Promise<
    { deliveries: Delivery[]; recipients: Map<string, Recipient> } | undefined
  > {
    const batch = await this.deps.queue.claim(
      this.id,
      this.options.batchSize ?? 100,
      this.deps.clock.now(),
      this.options.leaseMs ?? 60_000,
    );
    if (batch.length === 0) return undefined;
    const interrupted = batch.filter((d) => d.interruptedSend).length;
    if (interrupted > 0) {
      // A worker died with these requests in flight; Teams offers no way to ask whether they arrived.
      this.deps.logger.warn({ count: interrupted }, 'resending invites whose earlier send was interrupted');
    }
    return { deliveries: batch, recipients: await resolveRecipients(batch, this.deps) };
  }

  /**
   * Sends a prepared batch and records every outcome; never rejects (each failure is logged). Cards
   * go out together, spaced by the pacer's timers; outcomes that need no request (failed lookups,
   * people who joined meanwhile) are recorded one at a time with a turn of the event loop between
   * them: SQLite answers synchronously, so a hundred of them in a row would hold the process.
   */
  private async send(batch: { deliveries: Delivery[]; recipients: Map<string, Recipient> }): Promise<void> {
    const deliver = (delivery: Delivery) =>
      this.deliver(delivery, batch.recipients.get(delivery.id)!).catch((error) => {
        this.deps.logger.error({ err: error, inviteId: delivery.id }, 'invite delivery failed unexpectedly');
      });
    const goesOut = (delivery: Delivery) => batch.recipients.get(delivery.id)!.kind === 'send';
    const settleQuietly = async () => {
      for (const delivery of batch.deliveries.filter((d) => !goesOut(d))) {
        await yieldToEventLoop();
        await deliver(delivery);
      }
    };
    await Promise.all([...batch.deliveries.filter(goesOut).map(deliver), settleQuietly()]);
  }

  private async deliver(delivery: Delivery, recipient: Recipient): Promise<void> {
    const { queue, clock } = this.deps;
    if (recipient.kind === 'settled-joined') {
      await queue.settleJoined(delivery, this.id, clock.now());
      return;
    }
    if (recipient.kind === 'fail') {
      await queue.fail(delivery, this.id, clock.now(), recipient);
      return;
    }
    if (recipient.kind === 'retry') {
      await this.retryOrFail(delivery, delivery.attempts + 1, recipient, true);
      return;
    }
    const { tenantId, aadObjectId, address } = recipient;
    const target = { tenantId, aadObjectId, conversationId: address.conversationId };
    // Marked as leaving only once the gates let it go: a crash while it waits sends it once, not twice.
    await this.pacer(tenantId).pass(address.conversationId);
    if (!(await queue.markSending(delivery, this.id, clock.now(), target))) return;
    const attempts = delivery.attempts + 1;
    try {
      const activityId = await this.deps.connector.sendToConversation(
        address.serviceUrl,
        address.conversationId,
        this.activityFor(delivery),
      );
      await queue.markSent(delivery, this.id, clock.now(), activityId);
    } catch (error) {
      await this.handleSendError(delivery, attempts, error, target);
    }
  }

  private async handleSendError(
    delivery: Delivery,
    attempts: number,
    error: unknown,
    target: { tenantId: string; aadObjectId: string; conversationId: string },
  ): Promise<void> {
    const verdict = judgeSendFailure(error, attempts, this.options);
    if (verdict.kind === 'retry') {
      if (verdict.code === 'THROTTLED')
        this.pacer(target.tenantId).pause(target.conversationId, verdict.afterMs);
      await this.retryOrFail(delivery, attempts, verdict, false);
      return;
    }
    if (verdict.forgetAddress) await this.deps.addressBook.forget(target.tenantId, target.aadObjectId);
    this.deps.logger.warn({ inviteId: delivery.id, code: verdict.code }, 'invite card not delivered');
    await this.deps.queue.fail(delivery, this.id, this.deps.clock.now(), verdict);
  }

  private async retryOrFail(
    delivery: Delivery,
    attempts: number,
    problem: { code: string; reason: string; afterMs?: number },
    countsAsAttempt: boolean,
  ): Promise<void> {
    const now = this.deps.clock.now();
    if (attempts >= this.options.maxAttempts) {
      await this.deps.queue.fail(delivery, this.id, now, {
        code: 'RETRIES_EXHAUSTED',
        reason: `Gave up after ${attempts} attempts. ${problem.reason}`,
      });
      return;
    }
    const afterMs =
      problem.afterMs ??
      backoffDelay(attempts, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs });
    await this.deps.queue.retryLater(
      delivery,
      this.id,
      now,
      new Date(now.getTime() + afterMs),
      problem,
      countsAsAttempt,
    );
  }

  /** The card for this delivery: an invite, or a person's copy of an announcement. */
  private activityFor(delivery: Delivery) {
    if (delivery.kind === 'announcement')
      return this.deps.renderAnnouncement!(delivery.announcement as AnnouncementCardContent);
    return this.deps.render({
      inviteId: delivery.id,
      groupId: delivery.groupId,
      groupName: delivery.groupName,
      parentName: delivery.parentName,
      inviterName: delivery.inviterName,
      memberCount: delivery.memberCount,
      locale: delivery.personLocale,
    });
  }

  /** One pacer per tenant: Teams counts the app's requests per tenant. */
  private pacer(tenantId: string): Pacer {
    let pacer = this.pacers.get(tenantId);
    if (!pacer) {
      pacer = new Pacer(this.options.ratePerSecond, this.options.perConversationPerSecond);
      this.pacers.set(tenantId, pacer);
    }
    return pacer;
  }
}
