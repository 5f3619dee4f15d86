import { distinctBy, idList } from '../commands/shared.schemas.js';
import { COMMITTEE_INSTITUTIONS, ORIENTATION_CRITERIA } from '../events/vocabulary.js';
import {
  cafCode,
  id,
  int,
  list,
  localDate,
  named,
  nullable,
  object,
  oneOf,
  optional,
  schoolYear,
  text,
  withMeta,
} from '../schema/schema.js';

/** Stream `committee-<caf>-<schoolYear>`: every committee command names it in full. */
const committeeRef = { cafCode: cafCode(), schoolYear: schoolYear() };

const orientation = named(
  'CommitteeOrientation',
  object({
    code: withMeta(oneOf(ORIENTATION_CRITERIA), { description: 'R-COMMITTEE-ORIENTATIONS: a priority the ranking can evaluate' }),
    weight: withMeta(int(1, 10), { description: 'Points a file meeting this priority scores in the ranking', example: 3 }),
    label: optional(nullable(text(300))),
  }),
);

/** R-COMMITTEE-ORIENTATIONS: the year's priorities in full (a later call replaces them). */
export const setCommitteeOrientationsData = object({
  ...committeeRef,
  orientations: distinctBy(list(orientation, { min: 1, max: ORIENTATION_CRITERIA.length }), 'code'),
});

const agenda = withMeta(idList(id(), 'project id', { min: 1, max: 500 }), {
  description: 'R-COMMITTEE-MEETING: the projects the meeting examines',
});

export const scheduleCommitteeMeetingData = object({ ...committeeRef, meetingId: id(), date: localDate(), agenda });

const member = named(
  'CommitteeMember',
  object({
    institution: oneOf(COMMITTEE_INSTITUTIONS),
    name: optional(nullable(text(200))),
    role: optional(nullable(text(200))),
  }),
);

/**
 * R-COMMITTEE-MEETING: the meeting took place (date, members present, files examined, minutes).
 * A scheduled meeting keeps its date and agenda unless the command gives others; a meeting never
 * scheduled gives both.
 */
export const holdCommitteeMeetingData = object({
  ...committeeRef,
  meetingId: id(),
  date: optional(localDate()),
  members: list(member, { min: 1, max: 100 }),
  agenda: optional(agenda),
  minutes: optional(text(20000)),
});

export const recordMeetingMinutesData = object({ ...committeeRef, meetingId: id(), minutes: text(20000) });
