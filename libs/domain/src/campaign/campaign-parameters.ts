import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import type { SchoolYear } from '../shared/school-year.js';

/**
 * Everything that differs between departments or years is a campaign parameter, never a
 * constant in code (domain.md, intro). A campaign is opened with a full set; amendments
 * replace fields. `sources` says, per field path, which seed document and passage it comes from.
 */
export interface WeeklyRhythm {
  /** Sessions required in an ISO week (R-ELIG-RHYTHM, R-PS-WEEK). */
  sessionsPerWeek: number;
  /** Minimum duration of each of those sessions, in minutes. */
  minMinutesPerSession: number;
}

export interface CampaignParameters {
  cafCode: string;
  schoolYear: SchoolYear;
  /** R-LIFE-1 / R-LIFE-DATES: last receivable day (inclusive, Europe/Paris). */
  deadlines: { newApplication: LocalDate; renewal: LocalDate };
  /** R-PS-CAP */
  priceCapPerCollectif: Cents;
  /** R-PS-RATE, exact: 32.5 % = { num: 325, den: 1000 }. */
  psRate: { num: number; den: number };
  /** R-PS-BONUS, per collectif. */
  bonusEnfants: Cents;
  bonusParents: Cents;
  /** R-ELIG-COFUNDING / R-PS-80: max Caf share of the total operating cost (80/100). */
  maxCafShare: { num: number; den: number };
  rhythm: {
    /** R-ELIG-RHYTHM default: 2 × 90 min a week. */
    normal: WeeklyRhythm;
    /** Rural alternative (1 × 120 consecutive min), or null when the campaign has none. */
    rural: WeeklyRhythm | null;
    /** Minimum weeks of activity in the school year (27 nationally, 28 in Landes 2025-2026). */
    minWeeks: number;
  };
  /** R-ELIG-COLLECTIVE */
  groupSize: {
    min: number;
    max: number;
    ruralMin: number;
    /** Aude: min 5 when the group includes a child with a disability needing reinforced attention; null = no such exception. */
    disabilityMin: number | null;
  };
  /** R-ELIG-STAFF */
  staff: { perCollectif: number; ruralSmallGroup: number };
  /** R-ELIG-COORD: minimum qualification, in years after the baccalauréat (Bac+2 → 2). */
  coordinatorMinLevel: number;
  options: {
    /** R-ELIG-NO-SPORT */
    noSport: boolean;
    /** R-ELIG-TRAINING */
    trainingRequiredForNewStaff: boolean;
    /** R-LIFE-2 */
    renewalNeedsPriorBilan: boolean;
    /** R-ELIG-CHARTER: ceiling of a "symbolic" family fee per child and year; null = not set. */
    symbolicFamilyFeeCeiling: Cents | null;
  };
  /** R-CONV-1 / R-CONV-SUPPORT */
  conventions: { maxYears: number; centreSocialMaxYears: number; minPriorApprovedYears: number };
  /** R-LIFE-5 (a warning): recommended running period, as month-day bounds. */
  recommendedPeriod: { fromMonthDay: string; toMonthDay: string };
  /**
   * R-BILAN-DUE: the last day each bilan part may be received (inclusive, Europe/Paris); null =
   * the campaign sets no due date for that part, so it is never late.
   */
  bilanDueDates: BilanDueDates;
  /** Field path → "seed file § passage" (R-PS-EXPLAIN: parameters cite their source). */
  sources: Record<string, string>;
}

/** R-BILAN-DUE: one due date per bilan part (R-BILAN-1), each nullable. */
export interface BilanDueDates {
  qualitative: LocalDate | null;
  quantitative: LocalDate | null;
  financial: LocalDate | null;
}

/**
 * No due date for any part: what a campaign opened without them holds (and what a CampaignOpened
 * recorded before due dates existed is upcast to, events/upcasters.ts).
 */
export const NO_BILAN_DUE_DATES: BilanDueDates = Object.freeze({ qualitative: null, quantitative: null, financial: null });
