import type { Clock } from '@clas/event-store';

/**
 * The store's clock during the demo: it follows the simulated calendar, so each event's
 * recordedAt is the day the season says it was typed in (a late attendance sheet is recorded
 * days after the session). It never goes back: the log's recorded order is its global order.
 */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceTo(instant: string): void {
    const next = Date.parse(instant);
    if (Number.isNaN(next)) throw new RangeError(`not an instant: ${instant}`);
    if (next > this.current) this.current = next;
  }
}
