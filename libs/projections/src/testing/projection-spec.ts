import type { ClasEvent } from '@clas/domain';
import { type AsOf, type KeyedFold, foldAsOf } from '../core/keyed-fold.js';
import { Script } from '../answers/testing/scenario.fixtures.js';

/**
 * given(events) [/ key(k)] [/ asOf({ at, knownAt })] / then(state) | state() for folds: the
 * projection twin of the deciders' `specification` (@clas/domain/testing). It folds as a
 * question does (`foldAsOf`: the `at` / `knownAt` filter, the fold's own routing by key), and
 * checks what the projector relies on: the state is plain JSON, stored and reloaded unchanged.
 * Framework-free: a failed expectation throws an Error showing both sides.
 */
export interface ProjectionGiven<S> {
  /** The key whose state is asked; default: the one key the events reach (several: name it). */
  key(key: string): ProjectionGiven<S>;
  /** Only the events known at `knownAt` that had happened by `at`; default: all of them. */
  asOf(asOf: AsOf): ProjectionGiven<S>;
  /** The state is exactly `expected` (deep equality, key order ignored). */
  then(expected: S): void;
  /** The state, for finer assertions. */
  state(): S;
}

const EVERYTHING: AsOf = { at: '9999-12-31T23:59:59.999Z', knownAt: '9999-12-31T23:59:59.999Z' };

/** JSON with object keys sorted, so equality ignores key order but nothing else. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function fail(message: string, expected: unknown, actual: unknown): never {
  throw new Error(`${message}\n  expected: ${canonical(expected)}\n  actual:   ${canonical(actual)}`);
}

/** Plain JSON survives a round trip unchanged: no undefined, Date, Map or class instance. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainJson);
  return false;
}

export function projectionSpec<S>(fold: KeyedFold<S>) {
  function given(script: Script, key: string | null, asOf: AsOf): ProjectionGiven<S> {
    const state = (): S => {
      const events = script.recorded();
      const keys = [...new Set(events.flatMap((event) => fold.keysOf(event)))];
      if (key === null && keys.length !== 1) throw new Error(`${fold.name}: the events reach ${keys.length} keys (${keys.join(', ')}); name one with .key(…)`);
      const folded = foldAsOf(fold, key ?? keys[0]!, events, asOf);
      if (!isPlainJson(folded)) fail(`${fold.name}: the state is not plain JSON (the projector stores it as JSON)`, JSON.parse(JSON.stringify(folded)) as unknown, folded);
      return folded;
    };
    return {
      key: (k) => given(script, k, asOf),
      asOf: (a) => given(script, key, a),
      then(expected) {
        const actual = state();
        if (canonical(actual) !== canonical(expected)) fail(`${fold.name}: unexpected state`, expected, actual);
      },
      state,
    };
  }
  return {
    /** Events recorded when they occurred, in this order; a Script to record some later. */
    given(events: readonly ClasEvent[] | Script): ProjectionGiven<S> {
      const script = events instanceof Script ? events : new Script();
      if (!(events instanceof Script)) for (const event of events) script.add(event);
      return given(script, null, EVERYTHING);
    },
  };
}
