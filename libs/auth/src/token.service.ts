import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '@clas/application';
import { isAggregateId, isCafCode } from '@clas/domain';
import { type ClasConfig, formatDuration, resolveJwtSecret } from '@clas/runtime';

/** The roles a token may carry: `system` is for in-process callers (CLI import, demo), never HTTP. */
export const TOKEN_ROLES: readonly Role[] = ['caf_agent', 'committee', 'operator', 'auditor', 'dashboard'];

/** The signed claims (HS256): who, which role, which Caf, which operator. */
export interface TokenClaims {
  sub: string;
  role: Role;
  caf: string | null;
  operatorId: string | null;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Issues and verifies the API's bearer tokens. Verification pins HS256 (no `alg: none`, no
 * algorithm confusion) and checks the claims' shapes, so a token signed with the right secret
 * but odd claims still cannot become an Actor. Every token expires: `exp` and `iat` are
 * required and the lifetime is at most `maxTtlSeconds` (CLAS_TOKEN_MAX_TTL), so a token that
 * leaks — or one signed by a tool that forgot `exp` — cannot be used forever.
 * Used by the auth guard and the CLI `token` and `demo` commands.
 */
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    secret: string,
    readonly maxTtlSeconds: number,
  ) {
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  /** A token valid `ttlSeconds` from now; refused above the configured maximum. */
  issue(actor: Actor, ttlSeconds: number): string {
    const claims = checkIssuable(actor, ttlSeconds, this.maxTtlSeconds);
    return this.jwt.sign(
      { role: claims.role, caf: claims.caf, operatorId: claims.operatorId },
      { subject: claims.sub, expiresIn: ttlSeconds },
    );
  }

  verify(token: string): Actor {
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    this.checkLifetime(payload);
    const claims = toClaims({
      id: payload.sub,
      role: payload.role,
      caf: payload.caf ?? null,
      operatorId: payload.operatorId ?? null,
    } as Actor);
    return { id: claims.sub, role: claims.role, caf: claims.caf, operatorId: claims.operatorId };
  }

  /**
   * The signature says who issued the token, not that it expires: jsonwebtoken accepts a token
   * without `exp` forever. `exp − iat` bounds the lifetime it was issued with; `exp − now`
   * bounds what is left, which also covers an `iat` set in the future.
   */
  private checkLifetime(payload: Record<string, unknown>): void {
    const { exp, iat } = payload;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidTokenError('the token has no exp');
    if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidTokenError('the token has no iat');
    if (exp - iat > this.maxTtlSeconds || exp - Date.now() / 1000 > this.maxTtlSeconds) {
      throw new InvalidTokenError(`the token's lifetime exceeds the maximum of ${formatDuration(this.maxTtlSeconds)}`);
    }
  }
}

/** The API's tokens as configured: CLAS_JWT_SECRET or the secret generated in the data directory, and CLAS_TOKEN_MAX_TTL. */
export function configuredTokenService(config: ClasConfig): TokenService {
  return new TokenService(resolveJwtSecret(config).value, config.tokenMaxTtlSeconds);
}

/**
 * What `issue` refuses, checkable without the secret: `clas token` calls it first, so bad
 * arguments never generate a secret file.
 */
export function checkIssuable(actor: Actor, ttlSeconds: number, maxTtlSeconds: number): TokenClaims {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new InvalidTokenError(`the lifetime must be a positive number of seconds, got ${ttlSeconds}`);
  if (ttlSeconds > maxTtlSeconds) {
    throw new InvalidTokenError(
      `a lifetime of ${formatDuration(ttlSeconds)} exceeds the maximum of ${formatDuration(maxTtlSeconds)} (CLAS_TOKEN_MAX_TTL)`,
    );
  }
  return toClaims(actor);
}

function toClaims(actor: Actor): TokenClaims {
  if (typeof actor.id !== 'string' || actor.id.trim() === '' || actor.id.length > 200)
    throw new InvalidTokenError('sub must be a non-empty user id');
  if (!TOKEN_ROLES.includes(actor.role)) throw new InvalidTokenError(`role must be one of ${TOKEN_ROLES.join(', ')}`);
  if (actor.caf !== null && !isCafCode(actor.caf)) throw new InvalidTokenError('caf must be a département code or null');
  if (actor.role === 'operator') {
    if (!isAggregateId(actor.operatorId)) throw new InvalidTokenError('an operator token needs operatorId');
  } else if (actor.operatorId !== null) {
    throw new InvalidTokenError('only an operator token carries operatorId');
  }
  return { sub: actor.id, role: actor.role, caf: actor.caf, operatorId: actor.operatorId };
}
