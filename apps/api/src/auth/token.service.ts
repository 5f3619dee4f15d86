import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '@clas/application';
import { isAggregateId, isCafCode } from '@clas/domain';

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
 * but odd claims still cannot become an Actor. Used by the auth guard and the CLI `token` command.
 */
export class TokenService {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  /** `ttl`: seconds, or a duration like "8h". */
  issue(actor: Actor, ttl: number | `${number}${'s' | 'm' | 'h' | 'd'}` = '8h'): string {
    const claims = toClaims(actor);
    return this.jwt.sign({ role: claims.role, caf: claims.caf, operatorId: claims.operatorId }, { subject: claims.sub, expiresIn: ttl });
  }

  verify(token: string): Actor {
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const claims = toClaims({ id: payload.sub, role: payload.role, caf: payload.caf ?? null, operatorId: payload.operatorId ?? null } as Actor);
    return { id: claims.sub, role: claims.role, caf: claims.caf, operatorId: claims.operatorId };
  }
}

function toClaims(actor: Actor): TokenClaims {
  if (typeof actor.id !== 'string' || actor.id.trim() === '' || actor.id.length > 200) throw new InvalidTokenError('sub must be a non-empty user id');
  if (!TOKEN_ROLES.includes(actor.role)) throw new InvalidTokenError(`role must be one of ${TOKEN_ROLES.join(', ')}`);
  if (actor.caf !== null && !isCafCode(actor.caf)) throw new InvalidTokenError('caf must be a département code or null');
  if (actor.role === 'operator') {
    if (!isAggregateId(actor.operatorId)) throw new InvalidTokenError('an operator token needs operatorId');
  } else if (actor.operatorId !== null) {
    throw new InvalidTokenError('only an operator token carries operatorId');
  }
  return { sub: actor.id, role: actor.role, caf: actor.caf, operatorId: actor.operatorId };
}
