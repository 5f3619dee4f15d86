import { describe, it, expect } from '@jest/globals';
import type { Decider } from '../commands/command.js';
import { accept, reject } from '../shared/result.js';
import { specification } from './specification.js';

type Ev = { type: 'Added'; data: { n: number } } | { type: 'Odd'; data: { at?: number | string } };
type Add = { add: number; occurredAt: string };
const counter: Decider<Add, Ev, number, undefined> = {
  initialState: () => 0,
  evolve: (total, e) => (e.type === 'Added' ? total + e.data.n : total),
  decide: (c, total) => (c.add < 0 ? reject('NEGATIVE', 'R-INPUT', 'no') : accept({ type: 'Added', data: { n: total + c.add } })),
};
const spec = specification(counter);
const T = '2026-09-01T08:00:00.000Z';
const add = (n: number): Add => ({ add: n, occurredAt: T });

describe('the given/when/then helper', () => {
  it('folds the given events and compares the produced events, ignoring key order', () => {
    spec
      .given([{ type: 'Added', data: { n: 2 } }])
      .when(add(3))
      .then([{ data: { n: 5 }, type: 'Added' }]);
  });

  it('fails when the events differ, when a rejection was expected, or when the rejection differs', () => {
    expect(() =>
      spec
        .given([])
        .when(add(1))
        .then([{ type: 'Added', data: { n: 2 } }]),
    ).toThrow('unexpected events');
    expect(() => spec.given([]).when(add(1)).thenRejected('NEGATIVE', 'R-INPUT')).toThrow('expected a rejection');
    expect(() => spec.given([]).when(add(-1)).thenRejected('NEGATIVE', 'R-LIFE')).toThrow('unexpected rejection');
    expect(() => spec.given([]).when(add(-1)).then([])).toThrow('expected the command to be accepted');
  });

  it('fails when an accepted event is not plain JSON', () => {
    const leaky: Decider<Add, Ev, number, undefined> = { ...counter, decide: () => accept({ type: 'Odd', data: { at: undefined } }) };
    expect(() => specification(leaky).given([]).when(add(0)).thenAccepted()).toThrow('not plain JSON');
  });

  it("gives the decider the reception instant: the command's occurredAt by default, or the one receivedAt() sets", () => {
    const stamp: Decider<Add, Ev, number, undefined> = {
      ...counter,
      decide: (_c, _s, _x, receivedAt) => accept({ type: 'Odd', data: { at: receivedAt } }),
    };
    specification(stamp)
      .given([])
      .when(add(1))
      .then([{ type: 'Odd', data: { at: T } }]);
    specification(stamp)
      .given([])
      .receivedAt('2026-09-02T10:00:00.000Z')
      .when(add(1))
      .then([{ type: 'Odd', data: { at: '2026-09-02T10:00:00.000Z' } }]);
  });
});
