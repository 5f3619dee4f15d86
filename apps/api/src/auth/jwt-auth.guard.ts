import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@clas/application';
import { ApiError, forbidden } from '../http/api-error.js';
import type { AuthenticatedRequest } from './current-actor.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { TokenService } from './token.service.js';

const unauthenticated = (message: string) => new ApiError(401, 'UNAUTHENTICATED', message);

/**
 * Global guard: every route needs `Authorization: Bearer <jwt>` unless marked @Public().
 * The verified token becomes `request.actor` (the Actor of the command-bus port); then the
 * route's @Roles() list is enforced (403).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) throw unauthenticated('missing bearer token (Authorization: Bearer <token>)');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      req.actor = this.tokens.verify(match[1]);
    } catch {
      // The reason (expired, bad signature…) is not echoed: it helps an attacker more than a user.
      throw unauthenticated('invalid or expired token');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(req.actor.role)) throw forbidden(`role ${req.actor.role} may not call this endpoint`);
    return true;
  }
}
