import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { CollectifPathParams, CollectifSessionPathParams, CollectifStaffPathParams } from './collectif-path.params.js';
import {
  AssignStaffRequestDto,
  CancelSessionRequestDto,
  CorrectAttendanceRequestDto,
  CorrectSessionRequestDto,
  EnrolChildRequestDto,
  OpenCollectifRequestDto,
  RecordAttendanceRequestDto,
  RecordChildDepartureRequestDto,
  RecordSessionRequestDto,
  RecordStaffTrainingRequestDto,
  UnassignStaffRequestDto,
} from './collectif.requests.js';

/**
 * Commands of the collectif aggregate (stream `collectif-<collectifId>`): the group, its children,
 * staff, sessions and attendance (steps 7 and 9). Each body's `data` is checked by the command's
 * payload schema, so it is handed over as is, with the path's ids added.
 */
@ApiTags('collectifs')
@Controller('collectifs')
export class CollectifsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'OpenCollectif', summary: "open a group within an approved project (R-LIFE-3: the project's cycle)" })
  open(@Body() body: OpenCollectifRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'OpenCollectif', data: body.data });
  }

  @CommandEndpoint({
    path: ':collectifId/enrolments',
    command: 'EnrolChild',
    summary: 'R-ELIG-COLLECTIVE, R-ELIG-PUBLIC: enrol a child (at most 12)',
  })
  enrol(@Param() path: CollectifPathParams, @Body() body: EnrolChildRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'EnrolChild', data: { collectifId: path.collectifId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':collectifId/departures',
    command: 'RecordChildDeparture',
    summary: 'a child leaves the group (and may be replaced)',
  })
  recordDeparture(
    @Param() path: CollectifPathParams,
    @Body() body: RecordChildDepartureRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordChildDeparture', data: { collectifId: path.collectifId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':collectifId/staff',
    command: 'AssignStaff',
    summary: 'R-ELIG-STAFF, R-ELIG-OPERATOR: assign a staff member with a criminal-record check',
  })
  assignStaff(
    @Param() path: CollectifPathParams,
    @Body() body: AssignStaffRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'AssignStaff', data: { collectifId: path.collectifId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':collectifId/staff/:staffId/training',
    command: 'RecordStaffTraining',
    summary: 'R-ELIG-TRAINING: the staff member attended the module',
  })
  recordTraining(
    @Param() path: CollectifStaffPathParams,
    @Body() body: RecordStaffTrainingRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'RecordStaffTraining',
      data: { collectifId: path.collectifId, staffId: path.staffId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':collectifId/staff/:staffId/unassignment',
    command: 'UnassignStaff',
    summary: 'the staff member stops working with the group',
  })
  unassignStaff(
    @Param() path: CollectifStaffPathParams,
    @Body() body: UnassignStaffRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'UnassignStaff',
      data: { collectifId: path.collectifId, staffId: path.staffId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':collectifId/sessions',
    command: 'RecordSession',
    summary: 'R-ELIG-RHYTHM, R-PS-WEEK: a session as it was held',
  })
  recordSession(
    @Param() path: CollectifPathParams,
    @Body() body: RecordSessionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordSession', data: { collectifId: path.collectifId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':collectifId/sessions/:sessionId/cancellation',
    command: 'CancelSession',
    summary: 'a held or planned session did not take place',
  })
  cancelSession(
    @Param() path: CollectifSessionPathParams,
    @Body() body: CancelSessionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'CancelSession',
      data: { collectifId: path.collectifId, sessionId: path.sessionId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':collectifId/sessions/:sessionId/corrections',
    command: 'CorrectSession',
    summary: "correct a held session's facts, with the reason",
  })
  correctSession(
    @Param() path: CollectifSessionPathParams,
    @Body() body: CorrectSessionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'CorrectSession',
      data: { collectifId: path.collectifId, sessionId: path.sessionId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':collectifId/sessions/:sessionId/attendance',
    command: 'RecordAttendance',
    summary: 'R-BILAN-2: attendance of the children enrolled on the session date',
  })
  recordAttendance(
    @Param() path: CollectifSessionPathParams,
    @Body() body: RecordAttendanceRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'RecordAttendance',
      data: { collectifId: path.collectifId, sessionId: path.sessionId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':collectifId/sessions/:sessionId/attendance/corrections',
    command: 'CorrectAttendance',
    summary: 'replace the status of the listed children, with the reason',
  })
  correctAttendance(
    @Param() path: CollectifSessionPathParams,
    @Body() body: CorrectAttendanceRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'CorrectAttendance',
      data: { collectifId: path.collectifId, sessionId: path.sessionId, ...body.data },
    });
  }
}
