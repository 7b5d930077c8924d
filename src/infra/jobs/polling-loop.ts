/**
 * The loop every background worker runs: do a round of work; when a round finds nothing, wait for the
 * poll interval or until nudged (work was just queued in this process). Errors in a round are reported
 * and the loop goes on, so one bad round never stops a worker.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A nudge that came while a round ran: the work it announces may have missed that round. */
  private nudged = false;

  constructor(
    /** One round; resolves true when it did something (then the next round starts at once). */
    private readonly round: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Starts the next round now instead of at the next poll. */
  nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  /** Stops after the current round. */
  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      this.nudged = false;
      try {
        worked = await this.round();
      } catch (error) {
        this.onError(error);
      }
      if (!worked && !this.nudged && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
