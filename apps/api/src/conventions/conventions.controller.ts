import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotifyYearlyCollectifs, RefuseConvention, RequestConvention, RequestConventionAmendment, SignConvention } from '@clas/domain';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { plainOf } from '../validation/nested.decorator.js';
import { ConventionAmendmentPathParams, ConventionCommandPathParams } from './convention-path.params.js';
import { EnvelopeOnlyRequestDto } from './envelope-only.request.dto.js';
import { NotifyYearlyCollectifsRequestDto } from './notify-yearly-collectifs.request.dto.js';
import { ReasonRequestDto } from './reason.request.dto.js';
import { RefuseConventionRequestDto } from './refuse-convention.request.dto.js';
import { RequestConventionAmendmentRequestDto } from './request-convention-amendment.request.dto.js';
import { RequestConventionRequestDto } from './request-convention.request.dto.js';
import { SignConventionRequestDto } from './sign-convention.request.dto.js';

type BodyData<C extends { data: object }> = Omit<C['data'], 'conventionId'>;

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
    return this.commands.send(ctx, body, { type: 'RequestConvention', data: plainOf<RequestConvention['data']>(body.data) });
  }

  @CommandEndpoint({ path: ':conventionId/signature', command: 'SignConvention', summary: 'the Caf signs, as requested or for another period or terms (R-CONV-1 again)' })
  sign(@Param() path: ConventionCommandPathParams, @Body() body: SignConventionRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    const data = body.data === undefined ? {} : plainOf<BodyData<SignConvention>>(body.data);
    return this.commands.send(ctx, body, { type: 'SignConvention', data: { ...data, conventionId: path.conventionId } });
  }

  @CommandEndpoint({ path: ':conventionId/refusal', command: 'RefuseConvention', summary: 'the Caf refuses the request, with the reason' })
  refuse(@Param() path: ConventionCommandPathParams, @Body() body: RefuseConventionRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RefuseConvention', data: { ...plainOf<BodyData<RefuseConvention>>(body.data), conventionId: path.conventionId } });
  }

  @CommandEndpoint({ path: ':conventionId/yearly-notifications', command: 'NotifyYearlyCollectifs', summary: "R-CONV-3, R-CONV-2: the Caf notifies the year's number of collectifs" })
  notifyYear(@Param() path: ConventionCommandPathParams, @Body() body: NotifyYearlyCollectifsRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'NotifyYearlyCollectifs', data: { ...plainOf<BodyData<NotifyYearlyCollectifs>>(body.data), conventionId: path.conventionId } });
  }

  @CommandEndpoint({ path: ':conventionId/amendments', command: 'RequestConventionAmendment', summary: 'R-CONV-3: the operator asks to change start date, collectifs, children or weeks' })
  requestAmendment(@Param() path: ConventionCommandPathParams, @Body() body: RequestConventionAmendmentRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'RequestConventionAmendment',
      data: { ...plainOf<BodyData<RequestConventionAmendment>>(body.data), conventionId: path.conventionId },
    });
  }

  @CommandEndpoint({ path: ':conventionId/amendments/:amendmentId/validation', command: 'ValidateConventionAmendment', summary: 'R-CONV-3: the Caf validates the amendment; the terms change' })
  validateAmendment(@Param() path: ConventionAmendmentPathParams, @Body() body: EnvelopeOnlyRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'ValidateConventionAmendment', data: { conventionId: path.conventionId, amendmentId: path.amendmentId } });
  }

  @CommandEndpoint({ path: ':conventionId/amendments/:amendmentId/refusal', command: 'RefuseConventionAmendment', summary: 'R-CONV-3: the Caf refuses the amendment, with the reason' })
  refuseAmendment(@Param() path: ConventionAmendmentPathParams, @Body() body: ReasonRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RefuseConventionAmendment', data: { conventionId: path.conventionId, amendmentId: path.amendmentId, reason: body.data.reason } });
  }

  @CommandEndpoint({ path: ':conventionId/termination', command: 'TerminateConvention', summary: "the Caf ends the convention, with the reason" })
  terminate(@Param() path: ConventionCommandPathParams, @Body() body: ReasonRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'TerminateConvention', data: { conventionId: path.conventionId, reason: body.data.reason } });
  }
}
