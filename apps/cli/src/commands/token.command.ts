import type { Actor, Role } from '@clas/application';
import { InvalidTokenError, TOKEN_ROLES, TokenService } from '../../../api/src/auth/token.service.js';
import { EXIT, UsageError } from '../cli-io.js';
import type { CommandRun } from '../cli.js';

export type Ttl = `${number}${'s' | 'm' | 'h' | 'd'}`;

/** "7d", "8h", "30m", "3600s" or a bare number of seconds. */
export function parseTtl(value: string, command = 'token'): Ttl {
  const m = /^(\d{1,7})([smhd]?)$/.exec(value.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError(`--ttl must be a positive duration like 3600s, 30m, 8h or 7d, got ${JSON.stringify(value)}`, command);
  return `${Number(m[1])}${(m[2] || 's') as 's' | 'm' | 'h' | 'd'}`;
}

/** Signs a token with the API's own TokenService and secret, so the API accepts it as is. */
export function issueToken(secret: string, actor: Actor, ttl: Ttl): string {
  return new TokenService(secret).issue(actor, ttl);
}

export async function tokenCommand({ args, io, config }: CommandRun): Promise<number> {
  const role = args.values.role;
  if (typeof role !== 'string') throw new UsageError(`--role is required (${TOKEN_ROLES.join(', ')})`, 'token');
  if (!TOKEN_ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}, got ${JSON.stringify(role)}`, 'token');
  const caf = typeof args.values.caf === 'string' ? args.values.caf : null;
  const operatorId = typeof args.values.operator === 'string' ? args.values.operator : null;
  const sub = typeof args.values.sub === 'string' ? args.values.sub : `cli-${role}${caf ? `-${caf}` : ''}`;
  const ttl = parseTtl(typeof args.values.ttl === 'string' ? args.values.ttl : '8h');
  const actor: Actor = { id: sub, role: role as Role, caf, operatorId };
  let token: string;
  try {
    token = issueToken(config.jwtSecret, actor, ttl);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UsageError(error.message, 'token');
    throw error;
  }
  io.stdout.write(`${token}\n`);
  io.stderr.write(`${JSON.stringify({ msg: 'token issued', sub, role, caf, operatorId, ttl, secret: config.jwtSecretSource })}\n`);
  return EXIT.ok;
}
