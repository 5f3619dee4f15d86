import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type * as schemas from './committee.schemas.js';

/** R-COMMITTEE-ORIENTATIONS: the year's priorities with their weights. */
export type SetCommitteeOrientations = Command<'SetCommitteeOrientations', Infer<typeof schemas.setCommitteeOrientationsData>>;
export type ScheduleCommitteeMeeting = Command<'ScheduleCommitteeMeeting', Infer<typeof schemas.scheduleCommitteeMeetingData>>;
/** R-COMMITTEE-MEETING: the meeting took place; the decisions it took are recorded on their projects afterwards. */
export type HoldCommitteeMeeting = Command<'HoldCommitteeMeeting', Infer<typeof schemas.holdCommitteeMeetingData>>;
export type RecordMeetingMinutes = Command<'RecordMeetingMinutes', Infer<typeof schemas.recordMeetingMinutesData>>;

export type CommitteeCommand = SetCommitteeOrientations | ScheduleCommitteeMeeting | HoldCommitteeMeeting | RecordMeetingMinutes;
