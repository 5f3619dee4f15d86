/**
 * What every adapter exposes so that anyone can check the log was not altered (README.md
 * "Tamper evidence"): the events exactly as stored with their chain hashes, and the seals.
 */

/** One event as stored, byte for byte (data and metadata are the stored JSON text), with its chain hash. */
export interface ChainRecord {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  occurredAt: string;
  recordedAt: string;
  /**
   * On the last event of each append, the append's chain hash (chain-hash.ts), 64 lower-case hex
   * digits; null on its other events. Hex, not bytes: a string per row reads several times faster
   * than a Buffer per row.
   */
  hash: string | null;
}

export interface ChainPage {
  records: ChainRecord[];
  /** Position to pass as `after` for the next page. */
  nextAfter: number;
  /** True when no event after nextAfter was visible at read time. */
  isEnd: boolean;
}

/**
 * A signed statement "the log, up to position `upTo`, is exactly these `events` with this running
 * hash" (seal.ts defines the bytes). Seals form a chain of their own through `previous`.
 */
export interface Seal {
  /** 1, 2, 3…: unique, so of two sealers racing for the same index one wins. */
  index: number;
  /** Last global position covered (inclusive). */
  upTo: number;
  /** Number of events from the start of the log up to `upTo`. */
  events: number;
  /** Hex SHA-256 running hash over (position, event hash) in global order, chained from the previous seal. */
  runningHash: string;
  /** Hex SHA-256 of the previous seal's signed bytes (64 zeros for seal 1). */
  previous: string;
  sealedAt: string;
  /** Fingerprint of the signing public key (seal.ts keyIdOf). */
  keyId: string;
  /** Base64 Ed25519 signature of the seal's bytes. */
  signature: string;
}

export interface ChainPageOptions {
  /** Exclusive global position (default 0). */
  after?: number;
  /** Default 1000. */
  limit?: number;
}

export interface TamperEvidentLog {
  /** The visible log in global order (the prefix readAll would show), as stored. */
  readChainPage(options?: ChainPageOptions): Promise<ChainPage>;
  /** One stored event by stream and version, or null. */
  readChainRecord(streamId: string, streamVersion: number): Promise<ChainRecord | null>;
  /** Seals in index order, after index `after` (exclusive, default 0). */
  readSeals(options?: { after?: number; limit?: number }): Promise<Seal[]>;
  /** The newest seal, or with `below` the newest whose upTo < below; null when none. */
  lastSeal(options?: { below?: number }): Promise<Seal | null>;
  /** Stores the seal; false when a seal with its index already exists (another sealer won). */
  appendSeal(seal: Seal): Promise<boolean>;
}
