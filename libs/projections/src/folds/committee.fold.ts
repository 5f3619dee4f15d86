import type { CommitteeEvent, CommitteeState } from '@clas/domain';
import { evolveCommittee, initialCommitteeState } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { asEventOf, typeSet } from './fold-support.js';

/** Key of a committee: one per Caf and school year, like its campaign. */
export const committeeKey = (cafCode: string, schoolYear: string): string => `${cafCode}:${schoolYear}`;

const EVENT_TYPES = [
  'CommitteeOrientationsSet',
  'CommitteeMeetingScheduled',
  'CommitteeMeetingHeld',
  'CommitteeMeetingMinutesRecorded',
] as const satisfies readonly CommitteeEvent['type'][];
const TYPES = typeSet(EVENT_TYPES);

/** The departmental committee of a Caf and year (R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS): the decider's own evolve over the log. */
export const committeeFold: KeyedFold<CommitteeState> = {
  name: 'committee',
  version: 1,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    const data = event.data as { cafCode: string; schoolYear: string };
    return [committeeKey(data.cafCode, data.schoolYear)];
  },
  initial: () => initialCommitteeState(),
  evolve: (state, recorded) => evolveCommittee(state, asEventOf<CommitteeEvent>(recorded)),
};
