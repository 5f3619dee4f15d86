import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@clas/application';
import type { HttpRequest } from '../http/http-types.js';

export type AuthenticatedRequest = HttpRequest;

/** The actor the auth guard built from the token. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // The guard runs before every non-public handler; a missing actor is a wiring bug (a 500).
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return actor;
});
