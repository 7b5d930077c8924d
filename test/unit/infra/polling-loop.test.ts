import { PollingLoop } from '../../../src/infra/jobs/polling-loop';

describe('the workers’ polling loop', () => {
  test('when a round fails, then the error is reported and the loop goes on; a nudge skips the wait', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    const loop = new PollingLoop(
      async () => {
        rounds++;
        if (rounds === 1) throw new Error('database away');
        return false;
      },
      60_000,
      (error) => errors.push(error),
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).toHaveLength(1);
    expect(rounds).toBe(1);
    loop.nudge();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds).toBe(2);
    await loop.stop();
    expect(loop.isRunning).toBe(false);
  });

  test('when rounds find work, then the next starts at once without waiting for the poll', async () => {
    let rounds = 0;
    const loop = new PollingLoop(
      async () => ++rounds < 5,
      60_000,
      () => undefined,
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds).toBe(5);
    await loop.stop();
  });

  test('when nudged while a round runs (work queued after it looked), then another round follows at once', async () => {
    let rounds = 0;
    let release: () => void = () => {};
    const loop = new PollingLoop(
      async () => {
        rounds++;
        if (rounds === 1) await new Promise<void>((resolve) => (release = resolve));
        return false;
      },
      60_000,
      () => undefined,
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    loop.nudge();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds).toBe(2);
    await loop.stop();
  });
});
