import type { Clock } from '../event-store.port.js';

/** A clock the test moves by hand, for recordedAt / knownAt reads. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = '2026-09-01T08:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = Date.parse(instant);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  /** Moves forward to `instant`, never back (an unreadable instant leaves the clock where it is). */
  advanceTo(instant: string): void {
    const next = Date.parse(instant);
    if (next > this.current) this.current = next;
  }
}
