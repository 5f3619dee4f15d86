/**
 * Expected failures are values, not exceptions (DEVELOPERS.md). They carry the rule id;
 * controllers map them to HTTP statuses (422 for business rejections).
 */
export interface Rejection {
  /** Stable machine code, e.g. "FILED_AFTER_DEADLINE". */
  code: string;
  /** The rule of shared/domain.md that refused, e.g. "R-LIFE-1"; "R-INPUT" for malformed commands. */
  ruleId: string;
  message: string;
  details: Record<string, unknown>;
}

export type Decision<E> = { ok: true; events: E[] } | { ok: false; rejection: Rejection };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const reject = <E = never>(code: string, ruleId: string, message: string, details: Record<string, unknown> = {}): Decision<E> => ({
  ok: false,
  rejection: { code, ruleId, message, details },
});

/** Exhaustiveness guard for discriminated-union switches. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
