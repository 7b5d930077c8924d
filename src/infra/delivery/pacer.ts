import { setTimeout as sleep, setImmediate as yieldToIo } from 'node:timers/promises';

const BELOW_LIMIT = 1.01;

/**
 * Paces sends under two limits at once: a rate for the whole tenant and a rate per conversation
 * (Teams counts both). Each tenant slot goes to the longest-waiting sender whose conversation is
 * ready, so one busy conversation never holds up the others and no slot is wasted waiting for it.
 * Grants are at least one interval apart in real time, so no window ever holds more than the rate.
 * Timers fire a millisecond or so late; the last stretch is waited out by yielding to I/O so that
 * lateness does not eat into throughput.
 */
export class Pacer {
  private readonly waiting: Array<{ key: string; resolve: () => void }> = [];
  private readonly keyReadyAt = new Map<string, number>();
  private readonly slotMs: number;
  private readonly keyMs: number;
  private nextSlot = 0;
  private pumping = false;
  private arrived: (() => void) | undefined;

  constructor(ratePerSecond: number, perKeyPerSecond: number) {
    // One per cent below the limits, so that network jitter never pushes a window over them.
    this.slotMs = (1000 / ratePerSecond) * BELOW_LIMIT;
    this.keyMs = (1000 / perKeyPerSecond) * BELOW_LIMIT;
  }

  /** Resolves when a request into conversation `key` may leave. */
  pass(key: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ key, resolve });
      this.arrived?.();
      void this.pump();
    });
  }

  /** Holds one conversation back for `ms` (Teams throttled it). */
  pause(key: string, ms: number): void {
    this.keyReadyAt.set(key, Math.max(this.keyReadyAt.get(key) ?? 0, performance.now() + ms));
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        let now = performance.now();
        if (now < this.nextSlot) {
          await this.waitUntil(this.nextSlot, false);
          continue;
        }
        let chosen = -1;
        let soonest = Number.POSITIVE_INFINITY;
        for (let i = 0; i < this.waiting.length; i++) {
          const readyAt = this.keyReadyAt.get(this.waiting[i]!.key) ?? 0;
          if (readyAt <= now) {
            chosen = i;
            break;
          }
          soonest = Math.min(soonest, readyAt);
        }
        if (chosen === -1) {
          // Every waiter's conversation is busy; a newcomer may be ready sooner, so wake on arrival.
          await this.waitUntil(soonest, true);
          continue;
        }
        const [granted] = this.waiting.splice(chosen, 1);
        now = performance.now();
        this.nextSlot = now + this.slotMs;
        this.keyReadyAt.set(granted!.key, now + this.keyMs);
        granted!.resolve();
        if (this.keyReadyAt.size > 10_000) this.forgetIdleKeys(now);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async waitUntil(target: number, wakeOnArrival: boolean): Promise<void> {
    const coarse = target - performance.now() - 2;
    if (coarse > 0) {
      if (!wakeOnArrival) await sleep(coarse);
      else {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, coarse);
          this.arrived = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.arrived = undefined;
        return;
      }
    }
    while (performance.now() < target) await yieldToIo();
  }

  private forgetIdleKeys(now: number): void {
    for (const [key, readyAt] of this.keyReadyAt) if (readyAt < now) this.keyReadyAt.delete(key);
  }
}
