import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { CommitteeMeetingPathParams, CommitteePathParams } from './committee-path.params.js';
import {
  HoldCommitteeMeetingRequestDto,
  RecordMeetingMinutesRequestDto,
  ScheduleCommitteeMeetingRequestDto,
  SetCommitteeOrientationsRequestDto,
} from './committee.requests.js';

/**
 * Commands of the committee aggregate (stream `committee-<caf>-<schoolYear>`): the year's
 * orientations and the meetings (R-COMMITTEE-ORIENTATIONS, R-COMMITTEE-MEETING). The GET routes
 * under the same prefix are the query controller's (`queries/committees.controller.ts`).
 */
@ApiTags('committees')
@Controller('committees')
export class CommitteeCommandsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/orientations',
    command: 'SetCommitteeOrientations',
    summary: "R-COMMITTEE-ORIENTATIONS: the committee sets (or replaces) the year's weighted priorities",
  })
  setOrientations(
    @Param() path: CommitteePathParams,
    @Body() body: SetCommitteeOrientationsRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'SetCommitteeOrientations', data: { ...path, ...body.data } as never });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/meetings',
    command: 'ScheduleCommitteeMeeting',
    summary: 'R-COMMITTEE-MEETING: a meeting is planned with the files it will examine',
  })
  schedule(
    @Param() path: CommitteePathParams,
    @Body() body: ScheduleCommitteeMeetingRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'ScheduleCommitteeMeeting', data: { ...path, ...body.data } as never });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/meetings/:meetingId/held',
    command: 'HoldCommitteeMeeting',
    summary: 'R-COMMITTEE-MEETING: the meeting took place — members present by institution, files examined, minutes (R-FACT-PAST)',
  })
  hold(
    @Param() path: CommitteeMeetingPathParams,
    @Body() body: HoldCommitteeMeetingRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'HoldCommitteeMeeting', data: { ...path, ...body.data } as never });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/meetings/:meetingId/minutes',
    command: 'RecordMeetingMinutes',
    summary: 'R-COMMITTEE-MEETING: the minutes of a held meeting, written afterwards',
  })
  minutes(
    @Param() path: CommitteeMeetingPathParams,
    @Body() body: RecordMeetingMinutesRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordMeetingMinutes', data: { ...path, ...body.data } as never });
  }
}
