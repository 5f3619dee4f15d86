import type { Actor, Role } from '@clas/application';
import { formatDuration, parseDurationSeconds, resolveJwtSecret } from '@clas/runtime';
import { InvalidTokenError, TOKEN_ROLES, TokenService, checkIssuable } from '@clas/auth';
import { EXIT, UsageError } from '../cli-io.js';
import type { CommandRun } from '../cli.js';

/** The default validity of `clas token`, capped by CLAS_TOKEN_MAX_TTL. */
const DEFAULT_TTL_SECONDS = 8 * 3600;

/** "7d", "8h", "30m", "3600s" or a bare number of seconds → seconds. */
export function parseTtl(value: string, command = 'token'): number {
  const seconds = parseDurationSeconds(value);
  if (seconds === null)
    throw new UsageError(`--ttl must be a positive duration like 3600s, 30m, 8h or 7d, got ${JSON.stringify(value)}`, command);
  return seconds;
}

export async function tokenCommand({ args, io, config }: CommandRun): Promise<number> {
  const role = args.values.role;
  if (typeof role !== 'string') throw new UsageError(`--role is required (${TOKEN_ROLES.join(', ')})`, 'token');
  if (!TOKEN_ROLES.includes(role as Role))
    throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}, got ${JSON.stringify(role)}`, 'token');
  const caf = typeof args.values.caf === 'string' ? args.values.caf : null;
  const operatorId = typeof args.values.operator === 'string' ? args.values.operator : null;
  const sub = typeof args.values.sub === 'string' ? args.values.sub : `cli-${role}${caf ? `-${caf}` : ''}`;
  const ttl = typeof args.values.ttl === 'string' ? parseTtl(args.values.ttl) : Math.min(DEFAULT_TTL_SECONDS, config.tokenMaxTtlSeconds);
  const actor: Actor = { id: sub, role: role as Role, caf, operatorId };
  try {
    // Bad claims or a lifetime above the maximum are refused before the secret is read or generated.
    checkIssuable(actor, ttl, config.tokenMaxTtlSeconds);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UsageError(error.message, 'token');
    throw error;
  }
  // The secret the API uses: CLAS_JWT_SECRET, or the file generated in the data directory (created here if the API never ran).
  const secret = resolveJwtSecret(config);
  io.stdout.write(`${new TokenService(secret.value, config.tokenMaxTtlSeconds).issue(actor, ttl)}\n`);
  io.stderr.write(
    `${JSON.stringify({ msg: 'token issued', sub, role, caf, operatorId, ttl: formatDuration(ttl), secret: secret.source, secretPath: secret.path })}\n`,
  );
  return EXIT.ok;
}
