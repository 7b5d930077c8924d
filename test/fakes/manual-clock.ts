import type { Clock } from '../../src/domain/shared/clock.port';

/** A clock tests move by hand, so that expiry is checked without waiting. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start = '2026-01-05T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}
