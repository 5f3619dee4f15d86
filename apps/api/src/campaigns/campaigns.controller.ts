import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SchoolYear } from '@clas/domain';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { CampaignPathParams } from './campaign-path.params.js';
import {
  AmendBudgetEnvelopeRequestDto,
  AmendCampaignParametersRequestDto,
  OpenCampaignRequestDto,
  SetBudgetEnvelopeRequestDto,
} from './campaign.requests.js';

/** Commands of the campaign aggregate (stream `campaign-<caf>-<schoolYear>`). */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'OpenCampaign', summary: 'a Caf opens its call for projects with the full parameter set' })
  open(@Body() body: OpenCampaignRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'OpenCampaign', data: body.data });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/amendments',
    command: 'AmendCampaignParameters',
    summary: 'replace some parameters, with the reason',
  })
  amend(
    @Param() path: CampaignPathParams,
    @Body() body: AmendCampaignParametersRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'AmendCampaignParameters',
      data: { cafCode: path.cafCode, schoolYear: path.schoolYear as SchoolYear, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/envelope',
    command: 'SetBudgetEnvelope',
    summary: 'R-BUDGET-ENVELOPE: record the Clas credits of the Caf for the school year (once; then amend)',
  })
  setEnvelope(
    @Param() path: CampaignPathParams,
    @Body() body: SetBudgetEnvelopeRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'SetBudgetEnvelope',
      data: { cafCode: path.cafCode, schoolYear: path.schoolYear as SchoolYear, ...body.data },
    });
  }

  @CommandEndpoint({
    path: ':cafCode/:schoolYear/envelope/amendments',
    command: 'AmendBudgetEnvelope',
    summary: 'R-BUDGET-ENVELOPE: a new amount or a signed change of the envelope, with the reason',
  })
  amendEnvelope(
    @Param() path: CampaignPathParams,
    @Body() body: AmendBudgetEnvelopeRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'AmendBudgetEnvelope',
      data: { cafCode: path.cafCode, schoolYear: path.schoolYear as SchoolYear, ...body.data },
    });
  }
}
