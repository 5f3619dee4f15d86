/**
 * What the domain needs of a stored event. The event-store envelope satisfies this
 * structurally, so the domain never imports the store (dependency rule).
 */
export interface RecordedEvent<T extends string = string, D = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  type: T;
  schemaVersion: number;
  data: D;
  /** ISO instant: when it happened in the world. */
  occurredAt: string;
  /** ISO instant: when the system learned it. */
  recordedAt: string;
  metadata: { actor: string; role: string; caf?: string; [key: string]: unknown };
}

/** A domain event as produced by a decider, before the store wraps it in an envelope. */
export interface PendingEvent<T extends string = string, D = unknown> {
  type: T;
  schemaVersion: number;
  data: D;
  occurredAt: string;
}

/** Where a figure came from (R-PS-EXPLAIN): the rule, the inputs and the events behind them. */
export interface Explanation {
  ruleId: string;
  inputs: Record<string, unknown>;
  /** Event ids the inputs were taken from. */
  sourceEventIds: string[];
  output: unknown;
  note?: string;
  children?: Explanation[];
}
