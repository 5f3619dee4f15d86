import { type ValidationOptions, ValidateBy } from 'class-validator';
import { isAggregateId, isInstant, isKnownCafCode, isLocalDate, isSchoolYear, SUPPORTED_YEARS_TEXT } from '@clas/domain';

/**
 * class-validator decorators backed by the domain's own predicates, so the edge and the
 * deciders agree on what a date, an id or an amount is. Each has ONE constraint and one
 * message: a bad value yields exactly one error for its field.
 */
function domainCheck(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (value: unknown) => test(value), defaultMessage: () => message } }, options);
}

/** Money: integer cents ≥ 0 (R-PS-FORMULA: never float euros, never negative). */
export const IsCents = (options?: ValidationOptions) =>
  domainCheck('isCents', (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0, 'must be an integer ≥ 0 (cents)', options);

export const IsCafCode = (options?: ValidationOptions) =>
  domainCheck('isCafCode', isKnownCafCode, 'must be the code of a département (e.g. "11", "2A", "974")', options);

export const IsSchoolYear = (options?: ValidationOptions) =>
  domainCheck('isSchoolYear', isSchoolYear, 'must be a school year "YYYY-YYYY+1" (e.g. "2026-2027")', options);

export const IsLocalDate = (options?: ValidationOptions) =>
  domainCheck('isLocalDate', isLocalDate, `must be a calendar date YYYY-MM-DD in ${SUPPORTED_YEARS_TEXT}`, options);

export const IsInstant = (options?: ValidationOptions) =>
  domainCheck(
    'isInstant',
    isInstant,
    `must be an ISO-8601 instant with a zone, a real date in ${SUPPORTED_YEARS_TEXT} (e.g. "2026-10-05T08:00:00Z")`,
    options,
  );

/** Opaque aggregate or person ids: letters, digits, - _ . : (they become part of stream ids). */
export const IsAggregateId = (options?: ValidationOptions) =>
  domainCheck('isAggregateId', isAggregateId, 'must be an id of at most 100 characters (letters, digits, - _ . :)', options);

export const IsIntBetween = (min: number, max: number, options?: ValidationOptions) =>
  domainCheck(
    'isIntBetween',
    (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max,
    `must be an integer between ${min} and ${max}`,
    options,
  );

export const IsMonthDay = (options?: ValidationOptions) =>
  domainCheck(
    'isMonthDay',
    (v) => typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) && isLocalDate(`2000-${v}`),
    'must be a month-day MM-DD',
    options,
  );

/** A non-empty text of at most `max` characters. */
export const IsText = (max: number, options?: ValidationOptions) =>
  domainCheck(
    'isText',
    (v) => typeof v === 'string' && v.trim() !== '' && v.length <= max,
    `must be a non-empty text of at most ${max} characters`,
    options,
  );

export const IsOneOf = (allowed: readonly string[], options?: ValidationOptions) =>
  domainCheck('isOneOf', (v) => typeof v === 'string' && allowed.includes(v), `must be one of ${allowed.join(', ')}`, options);

export const IsBool = (options?: ValidationOptions) =>
  domainCheck('isBool', (v) => typeof v === 'boolean', 'must be true or false', options);
