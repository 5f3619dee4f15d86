import { FakeClock } from '@clas/event-store/testing';
import type { CommandBus } from '../command-bus.port.js';

/** Before every instant the test stories state (the Aude 2026-2027 season opens on 2026-04-01). */
export const STORY_START = '2026-01-01T00:00:00.000Z';
/**
 * The clock never follows a command past this: a request a fuzzer dated 9999-12-31 must not move
 * the store's clock to a day the calendar cannot name (10000-01-01 in Paris) for every later request.
 */
export const STORY_END = '9000-01-01T00:00:00.000Z';

/**
 * The one way tests give the command bus time. A test story is written with business instants
 * (a filing on 20 June, a session on 3 November…), and the bus judges deadlines and R-FACT-PAST
 * on the store's clock (R-LIFE-RECEIPT), never on them. A StoryClock is a fake clock that is also the
 * store's (and the API's): before each command, it moves forward to the command's occurredAt, as
 * if each fact were typed in the moment it happened. It never goes back, so a command stated
 * earlier than the clock is received late, at the clock's now; a test moves it on by hand
 * (`clock.advanceTo`) to be received later than a command says.
 */
export class StoryClock extends FakeClock {
  constructor(private readonly start = STORY_START) {
    super(start);
  }

  /**
   * Back to the start, for a new story independent of the previous ones (its own aggregates: a
   * cell of a role matrix). recordedAt then stops following the global order of the log, which
   * only such tests may accept.
   */
  restart(): void {
    this.set(this.start);
  }

  /** The bus, each command received when it says it happened (or later, if the story is already past it). */
  receiving(bus: CommandBus): CommandBus {
    return {
      execute: (request) => {
        const stated = request.command?.occurredAt;
        if (typeof stated === 'string' && Date.parse(stated) < Date.parse(STORY_END)) this.advanceTo(stated);
        return bus.execute(request);
      },
    };
  }
}
