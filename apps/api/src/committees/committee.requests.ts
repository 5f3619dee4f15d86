import { commandRequest } from '../commands/command-request.js';

/** POST …/orientations → SetCommitteeOrientations. */
export class SetCommitteeOrientationsRequestDto extends commandRequest('SetCommitteeOrientations') {}
/** POST …/meetings → ScheduleCommitteeMeeting. */
export class ScheduleCommitteeMeetingRequestDto extends commandRequest('ScheduleCommitteeMeeting') {}
/** POST …/meetings/:meetingId/held → HoldCommitteeMeeting. */
export class HoldCommitteeMeetingRequestDto extends commandRequest('HoldCommitteeMeeting') {}
/** POST …/meetings/:meetingId/minutes → RecordMeetingMinutes. */
export class RecordMeetingMinutesRequestDto extends commandRequest('RecordMeetingMinutes') {}
