import type { Rejection } from '@clas/domain';
import type { ClasCommand } from './clas-command.js';

/** Who acts. Roles and scopes come from the signed token (issue 6) or the CLI. */
export type Role = 'caf_agent' | 'committee' | 'operator' | 'auditor' | 'dashboard' | 'system';
export const ROLES: readonly Role[] = ['caf_agent', 'committee', 'operator', 'auditor', 'dashboard', 'system'];

export interface Actor {
  /** Opaque user id (never a name). */
  id: string;
  role: Role;
  /** Caf code the actor works for (caf_agent, committee, auditor, dashboard); null = national. */
  caf: string | null;
  /** Operator the actor works for (role operator). */
  operatorId: string | null;
}

export interface CommandRequest {
  command: ClasCommand;
  actor: Actor;
  /** Optimistic concurrency from the client (`expectedVersion` or `If-Match`); otherwise the version just read. */
  expectedVersion?: number;
  correlationId?: string;
  causationId?: string;
  /**
   * The caller filled `command.occurredAt` with its own "now" because the client gave none (the
   * API's default): the payload hash then leaves it out, so a retry sent later is still a retry.
   */
  occurredAtDefaulted?: boolean;
}

export type CommandOutcome =
  | {
      ok: true;
      streamId: string;
      eventIds: string[];
      /** Stream version after the append. */
      streamVersion: number;
      positions: number[];
      /** True when the commandId had already been executed: nothing new was written. */
      duplicate: boolean;
    }
  /** A business rule refused, or the commandId was used by another command (COMMAND_ID_REUSED, R-IDEMPOTENCY): HTTP 422. */
  | { ok: false; kind: 'rejected'; rejection: Rejection }
  /** The stream moved since the version the caller expected (HTTP 409). */
  | { ok: false; kind: 'conflict'; streamId: string; expectedVersion: number | 'no_stream' | 'any'; actualVersion: number }
  /** The command targets an aggregate that does not exist (HTTP 404). */
  | { ok: false; kind: 'not_found'; what: string; id: string }
  /** The actor's role or scope does not allow it (HTTP 403). */
  | { ok: false; kind: 'forbidden'; reason: string };

export interface CommandBus {
  execute(request: CommandRequest): Promise<CommandOutcome>;
}
