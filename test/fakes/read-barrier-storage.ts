import type { Storage, StoreItems } from 'botbuilder';

/**
 * Wraps a real Storage so that the next `n` reads wait for one another: n concurrent turns then
 * all read the same version before any of them writes, the interleaving that loses updates.
 * Writes and conflicts are the real storage's; they are only counted here.
 */
export class ReadBarrierStorage implements Storage {
  conflicts = 0;
  private waiting: Array<() => void> = [];
  private expected = 0;

  constructor(private readonly inner: Storage) {}

  /** Makes the next `n` reads wait until all `n` have read. */
  holdNextReads(n: number): void {
    this.expected = n;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    if (this.expected > 0) {
      await new Promise<void>((release) => {
        this.waiting.push(release);
        if (this.waiting.length >= this.expected) {
          this.expected = 0;
          for (const go of this.waiting.splice(0)) go();
        }
      });
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    try {
      await this.inner.write(changes);
    } catch (error) {
      if (/etag conflict/i.test(String(error))) this.conflicts++;
      throw error;
    }
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
