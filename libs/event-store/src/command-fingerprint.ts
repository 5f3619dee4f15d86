import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { EventMetadata } from './envelope.js';
import { EventStoreError } from './errors.js';
import type { AppendResult, StoredCommand } from './event-store.port.js';

/**
 * What makes a second execution of a commandId a *retry* rather than another command that
 * reuses the key (the IETF Idempotency-Key draft's "same key, different request" → 422):
 * the target stream, and three fields every event of a command carries in its metadata —
 * `actor` (who asked), `commandType` and `payloadHash` (what was asked). Kept in the metadata,
 * not in a column, so no schema changes and an auditor reading the log sees them too.
 */
export type CommandDifference = 'stream' | 'type' | 'actor' | 'payload';

/** One side of the comparison: where the command's events go (or went), and their metadata. */
export interface CommandExecution {
  streamId: string;
  metadata: Pick<EventMetadata, 'actor' | 'commandType' | 'payloadHash'>;
}

/**
 * `sha256:<hex>` of the canonical JSON (RFC 8785, canonical-json.ts) of `{ data, occurredAt }`:
 * what the client declared. `occurredAt` is null when the client gave none and the caller
 * filled in "now": a retry sent later must still be recognised.
 */
export function commandPayloadHash(data: unknown, declaredOccurredAt: string | null): string {
  return `sha256:${createHash('sha256')
    .update(canonicalJson({ data, occurredAt: declaredOccurredAt }), 'utf8')
    .digest('hex')}`;
}

const comparable = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string';

/**
 * What differs between the stored execution of a commandId and a new one (empty: a retry).
 * A field is compared only when both sides carry it: events recorded before fingerprints
 * existed have no commandType / payloadHash, and are matched on stream and actor alone.
 */
export function commandDifferences(stored: CommandExecution, attempt: CommandExecution): CommandDifference[] {
  const differs: CommandDifference[] = [];
  if (stored.streamId !== attempt.streamId) differs.push('stream');
  const a = stored.metadata;
  const b = attempt.metadata;
  if (comparable(a.commandType, b.commandType) && a.commandType !== b.commandType) differs.push('type');
  if (comparable(a.actor, b.actor) && a.actor !== b.actor) differs.push('actor');
  if (comparable(a.payloadHash, b.payloadHash) && a.payloadHash !== b.payloadHash) differs.push('payload');
  return differs;
}

export function commandIdReused(commandId: string, differs: readonly CommandDifference[]): EventStoreError {
  return new EventStoreError(
    'COMMAND_ID_REUSED',
    `commandId ${commandId} was already used by another command (differs: ${differs.join(', ')})`,
    {
      commandId,
      differs: [...differs],
    },
  );
}

/**
 * Every adapter's answer to an append whose commandId is already stored: the original result
 * (`duplicate: true`) for a retry, COMMAND_ID_REUSED for anything else. Nothing is written either way.
 */
export function originalAppendOf(stored: StoredCommand, attempt: CommandExecution): AppendResult {
  const differs = commandDifferences(stored, attempt);
  if (differs.length > 0) throw commandIdReused(stored.commandId, differs);
  return {
    streamId: stored.streamId,
    nextExpectedVersion: stored.lastVersion,
    positions: [...stored.positions],
    eventIds: [...stored.eventIds],
    duplicate: true,
  };
}
