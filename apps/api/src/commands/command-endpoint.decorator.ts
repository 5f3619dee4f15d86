import { applyDecorators, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { COMMAND_ROLES, type ClasCommandType } from '@clas/application';
import { Roles } from '../auth/roles.decorator.js';
import { responseRef } from '../contract/answers-with.decorator.js';
import type { ResponseTypeName } from '../contract/response-types.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';

/**
 * Everything a command route declares, in one line: the POST route, who may call it, and
 * its OpenAPI description (201/200 body, If-Match, every error shape). The roles come from
 * the application's role × command matrix (COMMAND_ROLES), so the edge refuses early (403)
 * exactly what the bus would refuse; `system` is never an HTTP role. Scope (own Caf, own
 * operator) needs the stream, so the bus checks it and answers `forbidden` (403 too).
 */
export function CommandEndpoint(opts: {
  path?: string;
  command: ClasCommandType;
  summary: string;
  /** The 201/200 body, when the route adds to the bus's answer (a webhook subscription's secret). Default CommandAccepted. */
  answer?: ResponseTypeName;
}): MethodDecorator {
  const answer = opts.answer ?? 'CommandAccepted';
  const roles = COMMAND_ROLES[opts.command].filter((role) => role !== 'system');
  return applyDecorators(
    Post(opts.path ?? ''),
    Roles(...roles),
    ApiBearerAuth(),
    ApiOperation({
      operationId: opts.command,
      summary: `${opts.command}: ${opts.summary}`,
      description: `Roles: ${roles.join(', ')} (within their own Caf / operator).`,
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected stream version (alternative to expectedVersion in the body)' }),
    ApiCreatedResponse({ description: 'Recorded', content: { 'application/json': { schema: responseRef(answer) } } }),
    ApiOkResponse({
      description: 'This command was already executed with this commandId: nothing new written (duplicate: true, original ids)',
      content: { 'application/json': { schema: responseRef(answer) } },
    }),
    ApiErrorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  );
}
