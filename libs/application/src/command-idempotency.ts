import type { Rejection } from '@clas/domain';
import {
  type CommandDifference,
  type CommandExecution,
  type StoredCommand,
  commandDifferences,
  commandPayloadHash,
} from '@clas/event-store';
import type { ClasCommand } from './clas-command.js';
import type { CommandOutcome, CommandRequest } from './command-bus.port.js';

/** R-IDEMPOTENCY (README): a commandId names one command; reusing it for another one is refused. */
export const IDEMPOTENCY_RULE = 'R-IDEMPOTENCY';
export const COMMAND_ID_REUSED = 'COMMAND_ID_REUSED';

const DIFFERENCE_WORDS: Record<CommandDifference, string> = { stream: 'target', type: 'command type', actor: 'actor', payload: 'payload' };

/**
 * The command's fingerprint as its events carry it (metadata `actor`, `commandType`,
 * `payloadHash`). The hash covers what the client declared: its data and its occurredAt — not
 * the "now" the API filled in when it gave none, so a retry sent later is still recognised.
 * `command.occurredAt` is already canonical (the bus rewrites it), so `+02:00` and `Z` forms agree.
 */
export function commandFingerprint(command: ClasCommand, request: CommandRequest): CommandExecution['metadata'] {
  return {
    actor: request.actor.id,
    commandType: command.type,
    payloadHash: commandPayloadHash(command.data, request.occurredAtDefaulted === true ? null : command.occurredAt),
  };
}

export function commandIdReused(commandId: string, differs: readonly CommandDifference[]): Rejection {
  return {
    code: COMMAND_ID_REUSED,
    ruleId: IDEMPOTENCY_RULE,
    message: `commandId ${commandId} was already used for another command (different ${differs.map((d) => DIFFERENCE_WORDS[d]).join(', ')}): a retry resends the same command; a new command needs a new commandId`,
    // Only what differs: never the other command's stream or ids, which may be out of the caller's scope.
    details: { commandId, differs: [...differs] },
  };
}

/**
 * The answer to a command whose commandId is already stored: the original result with
 * `duplicate: true` when it is the same command (a retry), COMMAND_ID_REUSED otherwise.
 */
export function outcomeOfStoredCommand(stored: StoredCommand, attempt: CommandExecution): CommandOutcome {
  const differs = commandDifferences(stored, attempt);
  if (differs.length > 0) return { ok: false, kind: 'rejected', rejection: commandIdReused(stored.commandId, differs) };
  return {
    ok: true,
    streamId: stored.streamId,
    eventIds: [...stored.eventIds],
    positions: [...stored.positions],
    streamVersion: stored.lastVersion,
    duplicate: true,
  };
}
