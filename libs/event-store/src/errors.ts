/** Typed errors of the event-store port. Each writes nothing. */
export type EventStoreErrorCode =
  | 'CONCURRENCY_CONFLICT'
  /** The append's commandId was already used by another command (details.differs says how it differs). */
  | 'COMMAND_ID_REUSED'
  | 'EVENT_TOO_LARGE'
  | 'INVALID_EVENT'
  | 'RECORDED_TOO_LATE'
  | 'STORE_UNAVAILABLE';

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'EventStoreError';
  }
}

export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream' | 'any',
    readonly actualVersion: number,
  ) {
    super('CONCURRENCY_CONFLICT', `stream ${streamId}: expected version ${String(expected)}, actual ${actualVersion}`, {
      streamId,
      expected,
      actualVersion,
    });
    this.name = 'ConcurrencyError';
  }
}

/** The store's clock passed the append's `recordedNotAfter`: the caller's decision may no longer hold. */
export class RecordedTooLateError extends EventStoreError {
  constructor(
    readonly recordedAt: string,
    readonly recordedNotAfter: string,
  ) {
    super('RECORDED_TOO_LATE', `the append would be recorded at ${recordedAt}, after ${recordedNotAfter}`, {
      recordedAt,
      recordedNotAfter,
    });
    this.name = 'RecordedTooLateError';
  }
}
