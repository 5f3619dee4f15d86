import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeclarationKind, LocalDate, OperatorKind } from '@clas/domain';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { plainOf } from '../validation/nested.decorator.js';
import { AppointCoordinatorRequestDto } from './appoint-coordinator.request.dto.js';
import { OperatorPathParams } from './operator-path.params.js';
import { RecordOperatorDeclarationRequestDto } from './record-operator-declaration.request.dto.js';
import { RegisterOperatorRequestDto } from './register-operator.request.dto.js';

/** Commands of the operator aggregate (stream `operator-<operatorId>`). */
@ApiTags('operators')
@Controller('operators')
export class OperatorsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'RegisterOperator', summary: 'the Caf registers an operator (association, collectivité, centre social)' })
  register(@Body() body: RegisterOperatorRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    const d = body.data;
    return this.commands.send(ctx, body, {
      type: 'RegisterOperator',
      data: { operatorId: d.operatorId, cafCode: d.cafCode, name: d.name, kind: d.kind as OperatorKind, cafApproval: d.cafApproval ? plainOf(d.cafApproval) : (d.cafApproval ?? null) },
    });
  }

  @CommandEndpoint({ path: ':operatorId/coordinator', command: 'AppointCoordinator', summary: 'R-ELIG-COORD: name the coordinator' })
  appointCoordinator(@Param() path: OperatorPathParams, @Body() body: AppointCoordinatorRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'AppointCoordinator', data: { operatorId: path.operatorId, ...body.data } });
  }

  @CommandEndpoint({ path: ':operatorId/declarations', command: 'RecordOperatorDeclaration', summary: 'R-ELIG-OPERATOR: insurance, laïcité charter' })
  recordDeclaration(@Param() path: OperatorPathParams, @Body() body: RecordOperatorDeclarationRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    const d = body.data;
    return this.commands.send(ctx, body, {
      type: 'RecordOperatorDeclaration',
      data: {
        operatorId: path.operatorId,
        declaration: d.declaration as DeclarationKind,
        documentDate: d.documentDate as LocalDate,
        expiresOn: (d.expiresOn ?? null) as LocalDate | null,
        reference: d.reference ?? null,
      },
    });
  }
}
