import { isInstant, isLocalDate, SUPPORTED_YEARS_TEXT } from '../shared/calendar-date.js';
import { MAX_NESTING_DEPTH, nestingDepthExceeds } from '../shared/nesting-depth.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Decision, Rejection } from '../shared/result.js';
import { isSchoolYear } from '../shared/school-year.js';
import { isAggregateId, isCafCode } from '../events/stream-ids.js';

/**
 * Payload checks (R-INPUT). The API validates its DTOs, but the domain is the last line of
 * defence: every decider checks the commands it is given, as `unknown` values, so a payload
 * that lies about its type is still caught. A problem is a Rejection naming `details.field`.
 * Checks chain with `??`, which stops at the first problem (and never touches a missing object).
 */
export type Problem = Rejection | null;

export const INVALID_INPUT = 'INVALID_INPUT';

export function invalid(field: string, message: string, details: Record<string, unknown> = {}): Rejection {
  return { code: INVALID_INPUT, ruleId: 'R-INPUT', message: `${field}: ${message}`, details: { field, ...details } };
}

export function rejectWith<E>(rejection: Rejection): Decision<E> {
  return { ok: false, rejection };
}

/** Tells a Rejection from the value a check would otherwise return (terms, parameters, facts). */
export const isRejectionValue = (value: object): value is Rejection => 'ruleId' in value && 'code' in value && 'message' in value;

export function firstProblem(...problems: Problem[]): Problem {
  return problems.find((p) => p !== null) ?? null;
}

const MAX_TEXT = 4000;

export function checkObject(value: unknown, field: string): Problem {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : invalid(field, 'must be an object');
}

export function checkText(value: unknown, field: string, opts: { optional?: boolean; max?: number } = {}): Problem {
  if (opts.optional && (value === undefined || value === null)) return null;
  if (typeof value !== 'string' || value.trim() === '') return invalid(field, 'must be a non-empty text');
  return value.length > (opts.max ?? MAX_TEXT) ? invalid(field, `must be at most ${opts.max ?? MAX_TEXT} characters`) : null;
}

export function checkId(value: unknown, field: string): Problem {
  return isAggregateId(value) ? null : invalid(field, 'must be an id (letters, digits, - _ . :)', { value });
}

export function checkCafCode(value: unknown, field = 'cafCode'): Problem {
  return isCafCode(value) ? null : invalid(field, 'must be a département code (e.g. "11", "2A", "974")', { value });
}

export function checkSchoolYear(value: unknown, field = 'schoolYear'): Problem {
  return isSchoolYear(value) ? null : invalid(field, 'must be a school year "YYYY-YYYY+1"', { value });
}

export function checkDate(value: unknown, field: string, opts: { optional?: boolean } = {}): Problem {
  if (opts.optional && (value === undefined || value === null)) return null;
  return isLocalDate(value) ? null : invalid(field, `must be a calendar date YYYY-MM-DD in ${SUPPORTED_YEARS_TEXT}`, { value });
}

/** `from` ≤ `to`, both dates. */
export function checkDateRange(from: unknown, to: unknown, field: string): Problem {
  return (
    checkDate(from, `${field}.from`) ??
    checkDate(to, `${field}.to`) ??
    ((from as LocalDate) > (to as LocalDate) ? invalid(field, 'from must not be after to', { from, to }) : null)
  );
}

export function checkClockTime(value: unknown, field: string): Problem {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : invalid(field, 'must be a time HH:MM', { value });
}

/** Money: integer cents, never float euros; ≥ min (0 by default: no negative money). */
export function checkCents(value: unknown, field: string, opts: { min?: number } = {}): Problem {
  const min = opts.min ?? 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalid(field, 'must be an integer number of cents', { value });
  return value < min ? invalid(field, `must be at least ${min} cents`, { value }) : null;
}

export function checkInt(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): Problem {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalid(field, 'must be an integer', { value });
  return value < min || value > max ? invalid(field, `must be between ${min} and ${max}`, { value }) : null;
}

export function checkBoolean(value: unknown, field: string): Problem {
  return typeof value === 'boolean' ? null : invalid(field, 'must be true or false', { value });
}

export function checkOneOf(value: unknown, allowed: readonly string[], field: string): Problem {
  return typeof value === 'string' && allowed.includes(value) ? null : invalid(field, `must be one of ${allowed.join(', ')}`, { value });
}

/** An array of `min`..`max` items, each checked with `each(item, "field[i]")`. */
export function checkList(
  value: unknown,
  field: string,
  each: (item: unknown, path: string) => Problem,
  opts: { min?: number; max?: number } = {},
): Problem {
  if (!Array.isArray(value)) return invalid(field, 'must be a list');
  const { min = 0, max = 1000 } = opts;
  if (value.length < min || value.length > max) return invalid(field, `must have between ${min} and ${max} items`, { length: value.length });
  for (let i = 0; i < value.length; i++) {
    const problem = each(value[i], `${field}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/** No two items share the same key (ids, codes). */
export function checkUnique<T>(items: readonly T[], key: (item: T) => unknown, field: string): Problem {
  const seen = new Set<unknown>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) return invalid(field, `duplicate ${String(k)}`, { duplicate: k });
    seen.add(k);
  }
  return null;
}

/** Every command: an idempotency key, the business instant it states, a payload of bounded depth. */
export function checkCommandEnvelope(command: { commandId?: unknown; occurredAt?: unknown; data?: unknown }): Problem {
  return (
    checkText(command.commandId, 'commandId', { max: 200 }) ??
    (isInstant(command.occurredAt) ? null : invalid('occurredAt', `must be an ISO-8601 instant with a zone, a real date in ${SUPPORTED_YEARS_TEXT}`, { value: command.occurredAt })) ??
    checkObject(command.data, 'data') ??
    // `data` sits one level inside the command document, which may nest MAX_NESTING_DEPTH deep.
    (nestingDepthExceeds(command.data, MAX_NESTING_DEPTH - 1) ? invalid('data', `must not nest objects or arrays more than ${MAX_NESTING_DEPTH} levels deep`) : null)
  );
}
