import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { addDays, localDate } from '../shared/calendar-date.js';
import { audeCampaign, paris } from '../testing/fixtures.js';
import { COLLECTIF, collectifOpened } from '../testing/collectif-fixtures.js';
import type { CollectifEvent } from '../events/collectif.events.js';
import type { CollectifCommand } from './collectif.commands.js';
import { collectifDecider } from './collectif.decider.js';
import { enrolledCountOn, isEnrolledOn } from './collectif.state.js';

const context = { campaign: audeCampaign() };
const firstDay = localDate('2026-10-01');
/** All commands are stated at the end of the year, so every date of the range is in the past. */
const statedAt = paris('2027-06-30');

/** Any interleaving of enrolments and departures, applied through the decider, in any date order. */
const step = fc.record({ child: fc.integer({ min: 1, max: 20 }), day: fc.integer({ min: 0, max: 120 }), leave: fc.boolean() });

describe('R-ELIG-COLLECTIVE as an invariant', () => {
  it('whatever is accepted, no day of the year ever has more than 12 children enrolled', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let events: CollectifEvent[] = [collectifOpened()];
        for (const { child, day, leave } of steps) {
          const date = addDays(firstDay, day);
          const state = events.reduce(collectifDecider.evolve, collectifDecider.initialState());
          const command: CollectifCommand = leave
            ? {
                type: 'RecordChildDeparture',
                commandId: 'x',
                occurredAt: statedAt,
                data: { collectifId: COLLECTIF.collectifId, childId: `c${child}`, reason: 'other', leftOn: date },
              }
            : {
                type: 'EnrolChild',
                commandId: 'x',
                occurredAt: statedAt,
                data: {
                  collectifId: COLLECTIF.collectifId,
                  childId: `c${child}`,
                  schoolLevel: 'CE1',
                  orientedBy: 'teacher',
                  parentalConsentDate: firstDay,
                  disabilityNeeds: false,
                  enrolledOn: date,
                },
              };
          const decision = collectifDecider.decide(command, state, context, statedAt);
          if (decision.ok) events = [...events, ...decision.events];
        }
        const state = events.reduce(collectifDecider.evolve, collectifDecider.initialState());
        const violations: string[] = [];
        for (let day = 0; day <= 121; day++) {
          const date = addDays(firstDay, day);
          if (enrolledCountOn(state, date) > 12) violations.push(`${date}: ${enrolledCountOn(state, date)} children`);
          for (let child = 1; child <= 20; child++) {
            // No child is ever enrolled twice on the same day.
            const spans = state.enrolments.filter(
              (e) => e.childId === `c${child}` && e.from <= date && (e.until === null || date < e.until),
            );
            if (spans.length > 1) violations.push(`${date}: c${child} enrolled ${spans.length} times`);
          }
        }
        expect(violations).toEqual([]);
        expect(isEnrolledOn(state, 'nobody', firstDay)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
