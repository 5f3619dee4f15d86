import { assertPlainJson, canonical, fail } from './expectation.js';

/**
 * given(events) / then(state) for folds, the projection twin of `specification` (deciders).
 * Structural, so it takes a projection's KeyedFold as it is (libs/domain knows no projection
 * types): `initial(key)`, `evolve(state, event)` and, when the fold is keyed, `keysOf(event)`.
 */
export interface FoldUnderTest<S, E> {
  initial(key: string): S;
  evolve(state: S, event: E): S;
  keysOf?(event: E): readonly string[];
}

export interface FoldOutcome<S> {
  /** The folded state, for finer assertions. */
  readonly state: S;
  /** The folded state is exactly `expected` (deep equality, key order ignored) and plain JSON. */
  then(expected: S): void;
}

export function projectionSpec<S, E>(fold: FoldUnderTest<S, E>) {
  return {
    /**
     * Folds `events` in order for `key`; default: the first key the first event names (every
     * event must then name it, like the projector's routing). Events of other keys are skipped.
     */
    given(events: readonly E[], key?: string): FoldOutcome<S> {
      const first = events[0];
      const folded = key ?? (first !== undefined ? fold.keysOf?.(first)[0] : undefined) ?? '';
      let state = fold.initial(folded);
      for (const event of events) {
        if (fold.keysOf !== undefined && !fold.keysOf(event).includes(folded)) continue;
        state = fold.evolve(state, event);
      }
      return outcomeOf(state);
    },
  };
}

function outcomeOf<S>(state: S): FoldOutcome<S> {
  return {
    state,
    then(expected) {
      // The projector stores states as JSON (KeyedFold).
      assertPlainJson([state], 'state');
      if (canonical(state) !== canonical(expected)) fail('unexpected state', expected, state);
    },
  };
}
