import type { ChainRecord, Seal } from './tamper-evidence.port.js';

/**
 * Rows of the SQL adapters (SQLite, PostgreSQL) as the tamper-evidence port gives them. Event
 * rows come as arrays in this column order:
 * global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
 * occurred_at, recorded_at, hash — data and metadata as their stored text, hash as lower-case hex.
 */
export function toChainRecord(row: unknown[]): ChainRecord {
  return {
    // PostgreSQL's bigint arrives as a string; positions stay far below 2^53.
    globalPosition: Number(row[0]),
    streamId: row[1] as string,
    streamVersion: row[2] as number,
    eventId: row[3] as string,
    type: row[4] as string,
    schemaVersion: row[5] as number,
    data: row[6] as string,
    metadata: row[7] as string,
    occurredAt: row[8] as string,
    recordedAt: row[9] as string,
    hash: (row[10] as string | null) ?? null,
  };
}

/** A `seals` row, both adapters (bigint columns may arrive as strings from PostgreSQL). */
export interface SealRow {
  seal_index: number | string;
  up_to: number | string;
  event_count: number | string;
  running_hash: string;
  previous_seal: string;
  sealed_at: string;
  key_id: string;
  signature: string;
}

export function sealOfRow(row: SealRow): Seal {
  return {
    index: Number(row.seal_index),
    upTo: Number(row.up_to),
    events: Number(row.event_count),
    runningHash: row.running_hash,
    previous: row.previous_seal,
    sealedAt: row.sealed_at,
    keyId: row.key_id,
    signature: row.signature,
  };
}
