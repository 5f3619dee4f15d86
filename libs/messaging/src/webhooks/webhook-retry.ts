/**
 * When a failed delivery is tried again: exponential backoff, capped, with jitter so that the
 * deliveries of a receiver that was down do not all come back in the same second; after
 * `maxAttempts` attempts the delivery is `failed` and stays in the log for an operator to see.
 */
export interface WebhookRetryPolicy {
  /** Delay after the first failed attempt (ms). */
  initialDelayMs: number;
  /** Each further failure multiplies the delay by this. */
  factor: number;
  /** No delay above this (ms). */
  maxDelayMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Share of the delay drawn at random, 0..1: the delay lies in [d·(1−jitter), d]. */
  jitter: number;
}

/** 10 s, 20 s, 40 s … capped at 1 h, 12 attempts: a receiver may be away for about half a day. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = Object.freeze({
  initialDelayMs: 10_000,
  factor: 2,
  maxDelayMs: 3_600_000,
  maxAttempts: 12,
  jitter: 0.2,
});

/**
 * The delay before attempt `failedAttempts + 1`, or null when no attempt is left. `random` in
 * [0, 1) is given so that the schedule can be checked exactly.
 */
export function retryDelayMs(policy: WebhookRetryPolicy, failedAttempts: number, random: number = Math.random()): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (1 - policy.jitter * random));
}

export function checkRetryPolicy(policy: WebhookRetryPolicy): void {
  const ok =
    Number.isFinite(policy.initialDelayMs) &&
    policy.initialDelayMs >= 0 &&
    policy.factor >= 1 &&
    policy.maxDelayMs >= policy.initialDelayMs &&
    Number.isInteger(policy.maxAttempts) &&
    policy.maxAttempts >= 1 &&
    policy.jitter >= 0 &&
    policy.jitter <= 1;
  if (!ok) throw new RangeError(`invalid webhook retry policy: ${JSON.stringify(policy)}`);
}
