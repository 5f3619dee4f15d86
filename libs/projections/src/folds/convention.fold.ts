import type { ConventionEvent, ConventionState } from '@clas/domain';
import { evolveConvention, initialConventionState } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { asEventOf, typeSet } from './fold-support.js';

const EVENT_TYPES = [
  'ConventionRequested',
  'ConventionSigned',
  'ConventionRefused',
  'YearlyCollectifsNotified',
  'ConventionAmendmentRequested',
  'ConventionAmendmentValidated',
  'ConventionAmendmentRefused',
  'ConventionTerminated',
] as const satisfies readonly ConventionEvent['type'][];
const TYPES = typeSet(EVENT_TYPES);

/** A multi-year convention (Cof), keyed by conventionId: the decider's own evolve over the log. */
export const conventionFold: KeyedFold<ConventionState> = {
  name: 'convention',
  // 2: the state is the domain's (it gained the effective `terms`).
  version: 2,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    return [(event.data as { conventionId: string }).conventionId];
  },
  initial: (conventionId) => initialConventionState(conventionId),
  evolve: (state, recorded) => evolveConvention(state, asEventOf<ConventionEvent>(recorded)),
};
