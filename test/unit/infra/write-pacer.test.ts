import { WritePacer } from '../../../src/infra/graph/write-pacer';

describe('pacing directory writes', () => {
  test('when batches of 20 are sent as fast as the pacer lets them, then no window of the quota holds more writes than the quota', async () => {
    // Graph's 3,000 per 150 s, sped up 150× (any quota of 2,500 writes or more keeps the burst within 2 %).
    const limit = { writes: 3000, windowMs: 1000 };
    const pacer = new WritePacer(limit);
    const sent: number[] = [];
    const started = performance.now();
    for (let batch = 0; batch < 300; batch++) {
      await pacer.take(20);
      for (let i = 0; i < 20; i++) sent.push(performance.now());
    }
    const seconds = (performance.now() - started) / 1000;
    let busiest = 0;
    for (let i = 0, j = 0; i < sent.length; i++) {
      while (sent[j]! <= sent[i]! - limit.windowMs) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(limit.writes);
    // And it does not dawdle: 6,000 writes at 98 % of 3,000 a second, less the first burst of 50.
    expect(seconds).toBeGreaterThan(1.9);
    expect(seconds).toBeLessThan(2.6);
  });
});
