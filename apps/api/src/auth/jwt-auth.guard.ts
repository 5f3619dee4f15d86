import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@clas/application';
import { ApiError, forbidden } from '../http/api-error.js';
import type { HttpResponse } from '../http/http-types.js';
import { AuthFailureLimiter, clientKeyOf } from './auth-failure-limiter.js';
import type { AuthenticatedRequest } from './current-actor.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { TokenService } from '@clas/auth';

const unauthenticated = (message: string) => new ApiError(401, 'UNAUTHENTICATED', message);

/**
 * Global guard: every route needs `Authorization: Bearer <jwt>` unless marked @Public().
 * The verified token becomes `request.actor` (the Actor of the command-bus port); then the
 * route's @Roles() list is enforced (403). Every 401 counts against the client's address;
 * past the limit the address gets 429 with Retry-After before its token is even read.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AuthFailureLimiter) private readonly failures: AuthFailureLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Express's req.ip: the peer address, or the X-Forwarded-For hop CLAS_TRUST_PROXY designates.
    const client = clientKeyOf(req.ip ?? 'unknown');
    const wait = this.failures.retryAfterSeconds(client);
    if (wait > 0) {
      context.switchToHttp().getResponse<HttpResponse>().setHeader('Retry-After', String(wait));
      throw new ApiError(429, 'TOO_MANY_AUTH_FAILURES', `too many failed authentications from this address: retry in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    }
    try {
      req.actor = this.authenticate(req.headers.authorization);
    } catch (error) {
      this.failures.recordFailure(client);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(req.actor.role)) throw forbidden(`role ${req.actor.role} may not call this endpoint`);
    return true;
  }

  private authenticate(header: string | undefined): NonNullable<AuthenticatedRequest['actor']> {
    if (!header) throw unauthenticated('missing bearer token (Authorization: Bearer <token>)');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      return this.tokens.verify(match[1]!);
    } catch {
      // The reason (expired, no exp, bad signature…) is not echoed: it helps an attacker more than a user.
      throw unauthenticated('invalid or expired token');
    }
  }
}
