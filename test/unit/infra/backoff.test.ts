import { backoffDelay } from '../../../src/infra/retry/backoff';

/** Every retry in Convene waits by this one rule: base × 2^(retry − 1), capped, optionally with equal jitter. */
describe('backoffDelay', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };

  test.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32_000],
    [7, 60_000],
    [30, 60_000],
  ])('when it is retry %i, then it waits %i ms', (retry, expected) => {
    expect(backoffDelay(retry, backoff)).toBe(expected);
  });

  test('when a retry number below 1 is asked for, then it waits the base, never less', () => {
    expect(backoffDelay(0, backoff)).toBe(1000);
  });

  test('when jitter is asked for, then the wait lies between half the step and the whole step', () => {
    expect(backoffDelay(3, backoff, () => 0)).toBe(2000);
    expect(backoffDelay(3, backoff, () => 0.5)).toBe(3000);
    expect(backoffDelay(3, backoff, () => 0.999_999)).toBeLessThanOrEqual(4000);
    expect(backoffDelay(3, backoff, () => 0.999_999)).toBeGreaterThan(3990);
  });

  test('when the cap is reached, then jitter stays under the cap', () => {
    expect(backoffDelay(20, backoff, () => 0.999_999)).toBeLessThanOrEqual(60_000);
  });
});
