import { ApiProperty } from '@nestjs/swagger';
import type { ClasCommandType } from '@clas/application';
import { MatchesSchema } from '../validation/matches-schema.decorator.js';
import { Omittable } from '../validation/omittable.decorator.js';
import { COMMAND_BODIES, type CommandBody, bodyComponentName } from './command-bodies.js';
import { CommandEnvelopeDto } from './command-envelope.dto.js';

type CommandRequestClass<T extends ClasCommandType, Optional extends boolean> = abstract new () => CommandEnvelopeDto &
  (Optional extends true ? { data?: CommandBody<T> } : { data: CommandBody<T> });

/**
 * The body class of a command route: the envelope and a `data` checked by the command's payload
 * schema (one generic constraint, MatchesSchema) and documented by it (the `<Command>Data`
 * component, openapi.ts). A route declares `class XRequestDto extends commandRequest('X') {}`,
 * a real class, so Nest's pipe and the OpenAPI document see it. `optional`: `data` may be left
 * out (a command whose fields all have defaults or come from the path).
 */
export function commandRequest<T extends ClasCommandType, Optional extends boolean = false>(
  command: T,
  options: { optional?: Optional } = {},
): CommandRequestClass<T, Optional> {
  const optional = options.optional === true;
  abstract class CommandRequest extends CommandEnvelopeDto {
    @ApiProperty({ allOf: [{ $ref: `#/components/schemas/${bodyComponentName(command)}` }], required: !optional })
    @(optional ? Omittable() : () => undefined)
    @MatchesSchema(COMMAND_BODIES[command])
    data!: CommandBody<T>;
  }
  return CommandRequest as CommandRequestClass<T, Optional>;
}
