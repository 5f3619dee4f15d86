import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { ConventionAmendmentPathParams, ConventionCommandPathParams } from './convention-path.params.js';
import {
  NotifyYearlyCollectifsRequestDto,
  RefuseConventionAmendmentRequestDto,
  RefuseConventionRequestDto,
  RequestConventionAmendmentRequestDto,
  RequestConventionRequestDto,
  SignConventionRequestDto,
  TerminateConventionRequestDto,
  ValidateConventionAmendmentRequestDto,
} from './convention.requests.js';

/**
 * Commands of the convention aggregate (stream `convention-<conventionId>`): a multi-year Cof,
 * its yearly notifications and amendments (R-CONV). Named apart from the query controller
 * `queries/conventions.controller.ts`, which serves `GET /conventions/:conventionId` under the
 * same prefix; this one declares POST routes only.
 */
@ApiTags('conventions')
@Controller('conventions')
export class ConventionCommandsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'RequestConvention', summary: 'R-CONV-1, R-CONV-SUPPORT: the operator asks for a multi-year convention' })
  request(@Body() body: RequestConventionRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RequestConvention', data: body.data });
  }

  @CommandEndpoint({
    path: ':conventionId/signature',
    command: 'SignConvention',
    summary: 'the Caf signs, as requested or for another period or terms (R-CONV-1 again)',
  })
  sign(
    @Param() path: ConventionCommandPathParams,
    @Body() body: SignConventionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'SignConvention', data: { conventionId: path.conventionId, ...body.data } });
  }

  @CommandEndpoint({ path: ':conventionId/refusal', command: 'RefuseConvention', summary: 'the Caf refuses the request, with the reason' })
  refuse(
    @Param() path: ConventionCommandPathParams,
    @Body() body: RefuseConventionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RefuseConvention', data: { conventionId: path.conventionId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':conventionId/yearly-notifications',
    command: 'NotifyYearlyCollectifs',
    summary: "R-CONV-3, R-CONV-2: the Caf notifies the year's number of collectifs",
  })
  notifyYear(
    @Param() path: ConventionCommandPathParams,
    @Body() body: NotifyYearlyCollectifsRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'NotifyYearlyCollectifs', data: { conventionId: path.conventionId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':conventionId/amendments',
    command: 'RequestConventionAmendment',
    summary: 'R-CONV-3: the operator asks to change start date, collectifs, children or weeks',
  })
  requestAmendment(
    @Param() path: ConventionCommandPathParams,
    @Body() body: RequestConventionAmendmentRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RequestConventionAmendment', data: { conventionId: path.conventionId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':conventionId/amendments/:amendmentId/validation',
    command: 'ValidateConventionAmendment',
    summary: 'R-CONV-3: the Caf validates the amendment; the terms change',
  })
  validateAmendment(
    @Param() path: ConventionAmendmentPathParams,
    @Body() body: ValidateConventionAmendmentRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'ValidateConventionAmendment',
      data: { conventionId: path.conventionId, amendmentId: path.amendmentId },
    });
  }

  @CommandEndpoint({
    path: ':conventionId/amendments/:amendmentId/refusal',
    command: 'RefuseConventionAmendment',
    summary: 'R-CONV-3: the Caf refuses the amendment, with the reason',
  })
  refuseAmendment(
    @Param() path: ConventionAmendmentPathParams,
    @Body() body: RefuseConventionAmendmentRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'RefuseConventionAmendment',
      data: { conventionId: path.conventionId, amendmentId: path.amendmentId, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':conventionId/termination',
    command: 'TerminateConvention',
    summary: 'the Caf ends the convention, with the reason',
  })
  terminate(
    @Param() path: ConventionCommandPathParams,
    @Body() body: TerminateConventionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'TerminateConvention', data: { conventionId: path.conventionId, ...body.data } });
  }
}
