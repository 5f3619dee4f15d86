import type { ConventionState } from '../convention/convention.state.js';
import type { SchoolYear } from '../shared/school-year.js';

/**
 * R-NOTIFY: every decision is notified by a letter, and so is every correction of it (what
 * changed). The ids are derived from the decision's, so the log, the letter list and the
 * worklists name the same letter without a registry: `<decisionId>` for the decision,
 * `<decisionId>-rectificatif-<n>` for its n-th correction (1-based, in log order).
 */
export const decisionLetterId = (decisionId: string): string => decisionId;
export const correctionLetterId = (decisionId: string, correctionNumber: number): string =>
  `${decisionId}-rectificatif-${correctionNumber}`;

/** R-AGREEMENT-ANNUAL: the annual agreement drawn from an approval (one per project and year). */
export const annualAgreementId = (decisionId: string): string => `${decisionId}-convention-annuelle`;

/** SHA-256 in lower-case hex: the fingerprint of a rendered document recorded in the log. */
export const isDocumentHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** A multi-year convention covers the school years from its first one, for `years` years (R-CONV-1). */
export function periodCoversSchoolYear(period: { startSchoolYear: SchoolYear; years: number }, schoolYear: SchoolYear): boolean {
  const first = Number(period.startSchoolYear.slice(0, 4));
  const year = Number(schoolYear.slice(0, 4));
  return year >= first && year < first + period.years;
}

/**
 * R-AGREEMENT-ANNUAL: a signed multi-year convention covers a school year of its period, unless
 * it was terminated before that year began (1 September).
 */
export function conventionCoversSchoolYear(convention: ConventionState, schoolYear: SchoolYear): boolean {
  if (convention.signed === null || !periodCoversSchoolYear(convention.signed.period, schoolYear)) return false;
  return convention.terminated === null || convention.terminated.terminatedOn > `${schoolYear.slice(0, 4)}-09-01`;
}
