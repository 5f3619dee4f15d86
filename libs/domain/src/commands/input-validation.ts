import { isInstant, isLocalDate, SUPPORTED_YEARS_TEXT } from '../shared/calendar-date.js';
import { MAX_NESTING_DEPTH, nestingDepthExceeds } from '../shared/nesting-depth.js';
import type { Decision, Rejection } from '../shared/result.js';
import { isAggregateId, isCafCode } from '../events/stream-ids.js';

/**
 * The R-INPUT rejection and the envelope check. A payload's shape is its schema's (COMMAND_SCHEMAS,
 * checked by the command bus for every entry); what is left here names a field in a rejection and
 * checks what every command carries around its payload. Checks chain with `??`.
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

export function checkDate(value: unknown, field: string, opts: { optional?: boolean } = {}): Problem {
  if (opts.optional && (value === undefined || value === null)) return null;
  return isLocalDate(value) ? null : invalid(field, `must be a calendar date YYYY-MM-DD in ${SUPPORTED_YEARS_TEXT}`, { value });
}

/** Every command: an idempotency key, the business instant it states, a payload of bounded depth. */
export function checkCommandEnvelope(command: { commandId?: unknown; occurredAt?: unknown; data?: unknown }): Problem {
  return (
    checkText(command.commandId, 'commandId', { max: 200 }) ??
    (isInstant(command.occurredAt)
      ? null
      : invalid('occurredAt', `must be an ISO-8601 instant with a zone, a real date in ${SUPPORTED_YEARS_TEXT}`, {
          value: command.occurredAt,
        })) ??
    checkObject(command.data, 'data') ??
    // `data` sits one level inside the command document, which may nest MAX_NESTING_DEPTH deep.
    (nestingDepthExceeds(command.data, MAX_NESTING_DEPTH - 1)
      ? invalid('data', `must not nest objects or arrays more than ${MAX_NESTING_DEPTH} levels deep`)
      : null)
  );
}
