import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@clas/application';
import type { AuthenticatedRequest } from '../auth/current-actor.decorator.js';
import { correlationIdOf } from '../http/correlation-id.middleware.js';

/** What a command route needs from the request besides its body. */
export interface CommandContext {
  actor: Actor;
  /** Raw If-Match header, when sent. */
  ifMatch: string | undefined;
  correlationId: string;
}

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('CommandCtx used on a route without an authenticated actor');
  const ifMatch = req.headers['if-match'];
  return { actor: req.actor, ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined, correlationId: correlationIdOf(req) };
});
