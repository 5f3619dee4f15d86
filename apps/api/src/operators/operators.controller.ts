import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { OperatorPathParams } from './operator-path.params.js';
import { AppointCoordinatorRequestDto, RecordOperatorDeclarationRequestDto, RegisterOperatorRequestDto } from './operator.requests.js';

/** Commands of the operator aggregate (stream `operator-<operatorId>`). */
@ApiTags('operators')
@Controller('operators')
export class OperatorsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'RegisterOperator', summary: 'the Caf registers an operator (association, collectivité, centre social)' })
  register(@Body() body: RegisterOperatorRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RegisterOperator', data: body.data });
  }

  @CommandEndpoint({ path: ':operatorId/coordinator', command: 'AppointCoordinator', summary: 'R-ELIG-COORD: name the coordinator' })
  appointCoordinator(
    @Param() path: OperatorPathParams,
    @Body() body: AppointCoordinatorRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'AppointCoordinator', data: { operatorId: path.operatorId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':operatorId/declarations',
    command: 'RecordOperatorDeclaration',
    summary: 'R-ELIG-OPERATOR: insurance, laïcité charter',
  })
  recordDeclaration(
    @Param() path: OperatorPathParams,
    @Body() body: RecordOperatorDeclarationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordOperatorDeclaration', data: { operatorId: path.operatorId, ...body.data } });
  }
}
