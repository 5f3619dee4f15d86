import { EventHasher, GENESIS_HASH } from './chain-hash.js';
import { NO_PREVIOUS_SEAL, RunningHash, sealHash, type SealKeyring } from './seal.js';
import type { ChainRecord, Seal } from './tamper-evidence.port.js';

/** What broke, in the order the verifier checks it. */
export type IntegrityProblem =
  /** An append's recomputed chain hash differs from the stored one: one of its events (or the stream's previous append) was altered, added or removed. */
  | 'hash_mismatch'
  /** An append's events end without the hash its last event carries (that event removed, or its hash erased). */
  | 'missing_hash'
  /** A stream skips a version: an event was deleted or moved later. */
  | 'version_gap'
  /** A stream's version comes again or goes back: an event was inserted or moved earlier. */
  | 'version_order'
  /** Global positions do not increase (an export file reordered). */
  | 'position_order'
  /** The events a seal covers are not the ones it signed: inserted, deleted, reordered or re-chained. */
  | 'seal_mismatch'
  | 'seal_signature'
  | 'seal_unknown_key'
  /** Seals out of sequence: wrong index, broken `previous` link, or placed after events beyond them. */
  | 'seal_sequence';

export interface IntegrityBreak {
  problem: IntegrityProblem;
  /** The first position found broken (for a seal problem: the first position of the range it covers). */
  position: number;
  streamId: string | null;
  streamVersion: number | null;
  message: string;
  seal?: { index: number; fromPosition: number; upTo: number };
}

export interface SealSummary {
  index: number;
  upTo: number;
  events: number;
  runningHash: string;
  sealedAt: string;
  keyId: string;
}

export interface VerificationSummary {
  ok: boolean;
  /** Verification started after this position: 0 = the whole log, else the seal it resumed from. */
  after: number;
  events: number;
  streams: number;
  lastPosition: number;
  seals: { checked: number; signatures: 'checked' | 'not checked'; resumedFrom: SealSummary | null; last: SealSummary | null };
  /** Events after the last seal checked: covered by the per-stream chains only. */
  unsealed: { events: number; firstPosition: number | null; lastPosition: number | null };
  break: IntegrityBreak | null;
}

export interface ChainVerifierOptions {
  /** Public keys that check seal signatures; null = signatures not checked (the sealer's own walk). */
  keyring: SealKeyring | null;
  /** Resume after this seal: what lies at or below its upTo is taken as verified before. */
  anchor?: Seal | null;
  /** When resuming: the stored event before a stream's first one seen (it lies in the sealed prefix). */
  previousOf?: (streamId: string, streamVersion: number) => Promise<ChainRecord | null>;
}

interface StreamHead {
  version: number;
  hash: Buffer;
}

/** The append being read: its events so far and the hash of the stream's previous append. */
interface AppendGroup {
  streamId: string;
  previous: Buffer;
  records: ChainRecord[];
  lastVersion: number;
}

function describeAppend(group: AppendGroup): string {
  const first = group.records[0]!;
  const last = group.records.at(-1)!;
  return group.records.length === 1
    ? `position ${first.globalPosition} (${first.streamId} v${first.streamVersion}, one append)`
    : `positions ${first.globalPosition}..${last.globalPosition} (${first.streamId} v${first.streamVersion}..v${last.streamVersion}, one append)`;
}

const summaryOf = (seal: Seal | null): SealSummary | null =>
  seal === null
    ? null
    : {
        index: seal.index,
        upTo: seal.upTo,
        events: seal.events,
        runningHash: seal.runningHash,
        sealedAt: seal.sealedAt,
        keyId: seal.keyId,
      };

/**
 * Recomputes the chains and seals of a log fed in global order: records with `add`, each seal
 * with `addSeal` before any record beyond its upTo. Holds one head (version, hash) per stream,
 * never the events. Stops at the first break.
 */
export class ChainVerifier {
  private readonly hasher = new EventHasher();
  private readonly streams = new Map<string, StreamHead>();
  private group: AppendGroup | null = null;
  private readonly running: RunningHash;
  private readonly pending: Seal[] = [];
  private readonly anchor: Seal | null;
  private lastSeal: Seal | null;
  private sealedEvents: number;
  private segmentEvents = 0;
  private segmentFirst: number | null = null;
  private lastPosition: number;
  private events = 0;
  private sealsChecked = 0;
  broken: IntegrityBreak | null = null;

  constructor(private readonly options: ChainVerifierOptions) {
    this.anchor = options.anchor ?? null;
    this.lastSeal = this.anchor;
    this.sealedEvents = this.anchor?.events ?? 0;
    this.lastPosition = this.anchor?.upTo ?? 0;
    this.running = new RunningHash(this.anchor === null ? GENESIS_HASH : Buffer.from(this.anchor.runningHash, 'hex'));
    if (this.anchor !== null) this.checkSignature(this.anchor, this.anchor.upTo);
  }

  private fail(
    problem: IntegrityProblem,
    position: number,
    record: Pick<ChainRecord, 'streamId' | 'streamVersion'> | null,
    message: string,
    seal?: IntegrityBreak['seal'],
  ): void {
    this.broken = {
      problem,
      position,
      streamId: record?.streamId ?? null,
      streamVersion: record?.streamVersion ?? null,
      message,
      ...(seal ? { seal } : {}),
    };
  }

  private checkSignature(seal: Seal, position: number): void {
    if (this.options.keyring === null) return;
    const status = this.options.keyring.check(seal);
    const range = { index: seal.index, fromPosition: position, upTo: seal.upTo };
    if (status === 'unknown-key')
      this.fail(
        'seal_unknown_key',
        position,
        null,
        `seal ${seal.index} is signed by key ${seal.keyId}, which is not among the public keys given`,
        range,
      );
    else if (status === 'invalid')
      this.fail(
        'seal_signature',
        position,
        null,
        `seal ${seal.index} (up to position ${seal.upTo}) does not carry a valid signature of key ${seal.keyId}`,
        range,
      );
  }

  /** Seals in index order; each before any record beyond its upTo. */
  addSeal(seal: Seal): void {
    if (this.broken !== null) return;
    const before = this.pending.at(-1) ?? this.lastSeal;
    const from = (before?.upTo ?? 0) + 1;
    const range = { index: seal.index, fromPosition: from, upTo: seal.upTo };
    if (seal.index !== (before?.index ?? 0) + 1) {
      this.fail(
        'seal_sequence',
        from,
        null,
        `seal ${seal.index} follows seal ${before?.index ?? 'none'}: a seal is missing or repeated`,
        range,
      );
    } else if (seal.previous !== (before === null ? NO_PREVIOUS_SEAL : sealHash(before))) {
      this.fail(
        'seal_sequence',
        from,
        null,
        `seal ${seal.index} does not name seal ${before?.index ?? '(none)'} as its previous one`,
        range,
      );
    } else if (!(seal.upTo >= from) || seal.upTo < this.lastPosition) {
      this.fail(
        'seal_sequence',
        from,
        null,
        `seal ${seal.index} covers up to position ${seal.upTo}, behind what was already read (${this.lastPosition})`,
        range,
      );
    } else {
      this.checkSignature(seal, from);
    }
    if (this.broken !== null) return;
    this.pending.push(seal);
    if (seal.upTo === this.lastPosition) this.closeSeal();
  }

  private closeSeal(): void {
    // A seal covers whole appends: one still open here lost its last event.
    if (this.group !== null) {
      this.unterminated(this.group);
      return;
    }
    const seal = this.pending.shift()!;
    const from = (this.lastSeal?.upTo ?? 0) + 1;
    const running = this.running.peek();
    const events = this.sealedEvents + this.segmentEvents;
    if (events !== seal.events || running.toString('hex') !== seal.runningHash) {
      const what =
        events === seal.events
          ? 'the same number of events, but not the same ones or not in the same order'
          : `${events} events where the seal signed ${seal.events}`;
      this.fail(
        'seal_mismatch',
        this.segmentFirst ?? from,
        null,
        `positions ${from}..${seal.upTo} do not match seal ${seal.index}: ${what} (an event inserted, deleted, moved, or rewritten together with the later hashes of its stream)`,
        { index: seal.index, fromPosition: from, upTo: seal.upTo },
      );
      return;
    }
    this.running.restart(running);
    this.lastSeal = seal;
    this.sealedEvents = events;
    this.segmentEvents = 0;
    this.segmentFirst = null;
    this.sealsChecked++;
  }

  /** Records in global order. Resolves once they are checked (it awaits only to look up a resumed stream). */
  async add(records: readonly ChainRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i++) {
      if (this.broken !== null) return;
      const record = records[i]!;
      const position = record.globalPosition;
      if (!(position > this.lastPosition)) {
        this.fail(
          'position_order',
          position,
          record,
          `position ${position} comes after position ${this.lastPosition}: the events are out of order`,
        );
        return;
      }
      while (this.pending.length > 0 && this.pending[0]!.upTo < position) {
        this.closeSeal();
        if (this.broken !== null) return;
      }
      const group = this.group;
      if (group === null) {
        if (!(await this.openAppend(record))) return;
      } else if (record.streamId === group.streamId && record.streamVersion === group.lastVersion + 1) {
        group.records.push(record);
        group.lastVersion = record.streamVersion;
      } else {
        // The open append is cut short: its events must follow one another up to the one carrying its hash.
        if (record.streamId === group.streamId) this.versionBreak(record, group.lastVersion + 1);
        else this.unterminated(group);
        return;
      }
      this.lastPosition = position;
      this.events++;
      this.segmentEvents++;
      this.segmentFirst ??= position;
      if (record.hash !== null) this.closeAppend(record.hash);
      if (this.broken === null && this.pending.length > 0 && this.pending[0]!.upTo === position) this.closeSeal();
    }
  }

  /** Opens the append `record` begins, after checking it follows its stream; false on a break. */
  private async openAppend(record: ChainRecord): Promise<boolean> {
    const head = this.streams.get(record.streamId);
    let previous: Buffer | null;
    if (head !== undefined) {
      if (record.streamVersion !== head.version + 1) {
        this.versionBreak(record, head.version + 1);
        return false;
      }
      previous = head.hash;
    } else {
      previous = record.streamVersion === 0 ? GENESIS_HASH : await this.previousOutsideWalk(record);
      if (previous === null) return false;
    }
    this.group = { streamId: record.streamId, previous, records: [record], lastVersion: record.streamVersion };
    return true;
  }

  /** Recomputes the open append's hash against the one its last event carries. */
  private closeAppend(stored: string): void {
    const group = this.group!;
    this.group = null;
    const computed = this.hasher.hashAppend(group.previous, group.streamId, group.records);
    if (computed.toString('hex') !== stored) {
      const first = group.records[0]!;
      this.fail(
        'hash_mismatch',
        first.globalPosition,
        first,
        `the events at ${describeAppend(group)} do not match their chain hash: their stored fields were altered, or an event was added to that append, or the stream's previous append was altered`,
      );
      return;
    }
    // The global order's running hash takes the append's events now that their hash is checked.
    for (const record of group.records) this.running.add(record.globalPosition, computed);
    const head = this.streams.get(group.streamId);
    if (head === undefined) this.streams.set(group.streamId, { version: group.lastVersion, hash: computed });
    else {
      head.version = group.lastVersion;
      head.hash = computed;
    }
  }

  private unterminated(group: AppendGroup): void {
    const first = group.records[0]!;
    this.fail(
      'missing_hash',
      first.globalPosition,
      first,
      `the events at ${describeAppend(group)} end without the chain hash their append's last event carries: that last event was removed, or its hash erased`,
    );
  }

  private versionBreak(record: ChainRecord, expected: number): void {
    const found = record.streamVersion;
    if (found > expected) {
      this.fail(
        'version_gap',
        record.globalPosition,
        record,
        `stream ${record.streamId} jumps from version ${expected - 1} to ${found} at position ${record.globalPosition}: version ${expected} was deleted or moved later`,
      );
    } else {
      this.fail(
        'version_order',
        record.globalPosition,
        record,
        `stream ${record.streamId} has version ${found} again at position ${record.globalPosition} after version ${expected - 1}: an event was inserted or moved`,
      );
    }
  }

  /** The stored hash of the event before a stream's first one seen, when resuming from a seal. */
  private async previousOutsideWalk(record: ChainRecord): Promise<Buffer | null> {
    const lookup = this.options.previousOf;
    const before = this.anchor !== null && lookup !== undefined ? await lookup(record.streamId, record.streamVersion - 1) : null;
    if (before === null || before.globalPosition > this.anchor!.upTo) {
      this.versionBreak(record, 0);
      return null;
    }
    if (before.hash === null) {
      this.fail('missing_hash', before.globalPosition, before, `the event at position ${before.globalPosition} carries no chain hash`);
      return null;
    }
    return Buffer.from(before.hash, 'hex');
  }

  /** Where the current segment stands: what a new seal would sign (an append left open is a break). */
  segment(): { events: number; segmentEvents: number; lastPosition: number; runningHash: string; lastSeal: Seal | null } {
    if (this.group !== null && this.broken === null) this.unterminated(this.group);
    return {
      events: this.sealedEvents + this.segmentEvents,
      segmentEvents: this.segmentEvents,
      lastPosition: this.lastPosition,
      runningHash: this.running.peek().toString('hex'),
      lastSeal: this.lastSeal,
    };
  }

  /** Checks the seals still pending (covering events that never came) and sums up. */
  finish(): VerificationSummary {
    if (this.group !== null && this.broken === null) this.unterminated(this.group);
    while (this.broken === null && this.pending.length > 0) this.closeSeal();
    return {
      ok: this.broken === null,
      after: this.anchor?.upTo ?? 0,
      events: this.events,
      streams: this.streams.size,
      lastPosition: this.lastPosition,
      seals: {
        checked: this.sealsChecked,
        signatures: this.options.keyring === null ? 'not checked' : 'checked',
        resumedFrom: summaryOf(this.anchor),
        last: summaryOf(this.lastSeal),
      },
      unsealed: {
        events: this.segmentEvents,
        firstPosition: this.segmentFirst,
        lastPosition: this.segmentEvents > 0 ? this.lastPosition : null,
      },
      break: this.broken,
    };
  }
}
