import { compareDates, type LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import { assertNever } from '../../shared/result.js';
import { schoolYearEnd, schoolYearOf, schoolYearStart, nextSchoolYear, type SchoolYear } from '../../shared/school-year.js';
import type { BilanFiledFact } from '../bilan/bilan-due.rule.js';
import { idsOf, type Sourced, unionIds } from '../facts/sourced.js';
import { canContinue, type ContinuationDecision, type ConventionYears, yearsOf } from './can-continue.rule.js';

/**
 * R-CONV-3 / R-CONV-4: the view of a convention at a date, folded from its facts.
 * Changes to the start date, collectifs, children or weeks of activity take effect only once
 * the Caf validates them; a pending or refused amendment leaves the effective values alone.
 * The number of collectifs of a year is the Caf's yearly notification when there is one.
 */
export interface ConventionValues {
  startDate: LocalDate;
  collectifs: number;
  children: number;
  weeksOfActivity: number;
}
const VALUE_FIELDS = ['startDate', 'collectifs', 'children', 'weeksOfActivity'] as const;

export type ConventionFact =
  | { type: 'requested'; on: LocalDate; conventionId: string; operatorId: string; projectIds: string[]; firstYear: SchoolYear; years: number; values: ConventionValues }
  /** `values` restates what was signed when it differs from the request. */
  | { type: 'signed'; on: LocalDate; firstYear: SchoolYear; years: number; values: ConventionValues | null }
  | { type: 'refused'; on: LocalDate; reason: string }
  | { type: 'collectifs_notified'; on: LocalDate; schoolYear: SchoolYear; collectifs: number }
  | { type: 'amendment_requested'; on: LocalDate; amendmentId: string; changes: Partial<ConventionValues> }
  | { type: 'amendment_validated'; on: LocalDate; amendmentId: string }
  | { type: 'amendment_refused'; on: LocalDate; amendmentId: string; reason: string }
  | { type: 'terminated'; on: LocalDate; reason: string };

export interface ConventionViewFacts {
  /** The world as it was on that day: facts dated later are ignored. */
  at: LocalDate;
  /** The convention's facts in log order. */
  events: readonly Sourced<ConventionFact>[];
  /** The PS forecast per year (the latest decision dated by `at` wins). */
  psForecasts: readonly Sourced<{ schoolYear: SchoolYear; decidedOn: LocalDate; amount: Cents }>[];
  psPayments: readonly Sourced<{ schoolYear: SchoolYear; paidOn: LocalDate; amount: Cents }>[];
  bilans: readonly Sourced<BilanFiledFact>[];
}

export type AmendmentStatus = 'pending' | 'validated' | 'refused';

export interface AmendmentView {
  amendmentId: string;
  requestedOn: LocalDate;
  changes: Partial<ConventionValues>;
  status: AmendmentStatus;
  decidedOn: LocalDate | null;
  refusalReason: string | null;
  eventIds: string[];
}

export type ConventionStatus = 'requested' | 'refused' | 'upcoming' | 'active' | 'ended' | 'terminated';

export interface ConventionYearView {
  schoolYear: SchoolYear;
  /** The latest Caf notification for the year, if any. */
  collectifsNotified: Sourced<number> | null;
  /** Notified number, else the effective convention value. */
  collectifs: Sourced<number>;
  psForecast: Sourced<Cents> | null;
  psPaid: Sourced<Cents>;
  continuation: ContinuationDecision;
}

export interface ConventionView {
  ruleId: 'R-CONV-4';
  conventionId: string;
  operatorId: string;
  projectIds: string[];
  at: LocalDate;
  status: ConventionStatus;
  requested: { on: LocalDate; period: ConventionYears; values: ConventionValues; eventIds: string[] };
  signed: { on: LocalDate; eventIds: string[] } | null;
  refused: { on: LocalDate; reason: string; eventIds: string[] } | null;
  terminated: { on: LocalDate; reason: string; eventIds: string[] } | null;
  /** The signed period (the requested one until signature). */
  period: ConventionYears & { lastYear: SchoolYear; from: LocalDate; to: LocalDate };
  yearsCovered: SchoolYear[];
  /** Only for a signed convention. */
  years: ConventionYearView[];
  amendments: AmendmentView[];
  effective: { [K in keyof ConventionValues]: Sourced<ConventionValues[K]> };
  /** What the pending amendments would change, for display; not effective. */
  pendingChanges: Partial<ConventionValues>;
  /** The covered year after the current one (the first one before the start), and whether it can go on. */
  nextYear: ContinuationDecision | null;
  /** Facts that do not fit (an amendment decided twice or never requested…): reported, not thrown. */
  anomalies: string[];
}

/** Returns null when no request is known at `at`. */
export function conventionAt(facts: ConventionViewFacts): ConventionView | null {
  const at = facts.at;
  const known = <T extends { on: LocalDate }>(f: Sourced<T>) => compareDates(f.value.on, at) <= 0;
  const events = facts.events.filter(known);

  let requested: Sourced<Extract<ConventionFact, { type: 'requested' }>> | null = null;
  let signed: Sourced<Extract<ConventionFact, { type: 'signed' }>> | null = null;
  let refused: Sourced<Extract<ConventionFact, { type: 'refused' }>> | null = null;
  let terminated: Sourced<Extract<ConventionFact, { type: 'terminated' }>> | null = null;
  const notifications = new Map<SchoolYear, Sourced<number>>();
  const amendments = new Map<string, AmendmentView>();
  const validatedOrder: string[] = [];
  const anomalies: string[] = [];

  for (const e of events) {
    const f = e.value;
    switch (f.type) {
      case 'requested':
        if (requested) anomalies.push(`convention requested again on ${f.on}`);
        else requested = { value: f, eventIds: e.eventIds };
        break;
      case 'signed':
        signed = { value: f, eventIds: e.eventIds };
        break;
      case 'refused':
        refused = { value: f, eventIds: e.eventIds };
        break;
      case 'terminated':
        terminated = { value: f, eventIds: e.eventIds };
        break;
      case 'collectifs_notified':
        notifications.set(f.schoolYear, { value: f.collectifs, eventIds: unionIds([e.eventIds]) });
        break;
      case 'amendment_requested':
        if (amendments.has(f.amendmentId)) anomalies.push(`amendment ${f.amendmentId} requested twice`);
        else
          amendments.set(f.amendmentId, {
            amendmentId: f.amendmentId,
            requestedOn: f.on,
            changes: f.changes,
            status: 'pending',
            decidedOn: null,
            refusalReason: null,
            eventIds: unionIds([e.eventIds]),
          });
        break;
      case 'amendment_validated':
      case 'amendment_refused': {
        const a = amendments.get(f.amendmentId);
        if (!a) anomalies.push(`amendment ${f.amendmentId} decided on ${f.on} but never requested`);
        else if (a.status !== 'pending') anomalies.push(`amendment ${f.amendmentId} decided again on ${f.on} (already ${a.status})`);
        else {
          a.status = f.type === 'amendment_validated' ? 'validated' : 'refused';
          a.decidedOn = f.on;
          a.refusalReason = f.type === 'amendment_refused' ? f.reason : null;
          a.eventIds = unionIds([a.eventIds, e.eventIds]);
          if (a.status === 'validated') validatedOrder.push(a.amendmentId);
        }
        break;
      }
      default:
        assertNever(f, 'convention fact');
    }
  }
  if (!requested) return null;
  const req = requested;

  const base = signed?.value.values ?? req.value.values;
  const baseIds = signed?.value.values ? signed.eventIds : req.eventIds;
  const fromBase = <K extends keyof ConventionValues>(k: K): Sourced<ConventionValues[K]> => ({ value: base[k], eventIds: unionIds([baseIds]) });
  const effective: ConventionView['effective'] = {
    startDate: fromBase('startDate'),
    collectifs: fromBase('collectifs'),
    children: fromBase('children'),
    weeksOfActivity: fromBase('weeksOfActivity'),
  };
  // Validated amendments apply in the order the Caf validated them.
  for (const id of validatedOrder) {
    const a = amendments.get(id);
    if (!a) continue;
    for (const k of VALUE_FIELDS) {
      const v = a.changes[k];
      if (v !== undefined) (effective as Record<string, Sourced<unknown>>)[k] = { value: v, eventIds: a.eventIds };
    }
  }
  const pendingChanges: Partial<ConventionValues> = {};
  for (const a of amendments.values()) if (a.status === 'pending') Object.assign(pendingChanges, a.changes);

  const periodSource = signed?.value ?? req.value;
  const period: ConventionYears = { firstYear: periodSource.firstYear, years: periodSource.years };
  const yearsCovered = yearsOf(period);
  const lastYear = yearsCovered[yearsCovered.length - 1] ?? period.firstYear;
  const from = schoolYearStart(period.firstYear);
  const to = schoolYearEnd(lastYear);

  const status: ConventionStatus = terminated
    ? 'terminated'
    : refused && !signed
      ? 'refused'
      : !signed
        ? 'requested'
        : compareDates(at, from) < 0
          ? 'upcoming'
          : compareDates(to, at) < 0
            ? 'ended'
            : 'active';

  const scope = { conventionId: req.value.conventionId, projectIds: req.value.projectIds, period };
  const bilans = facts.bilans.filter((b) => compareDates(b.value.filedOn, at) <= 0);
  const years: ConventionYearView[] = signed
    ? yearsCovered.map((schoolYear) => {
        const notified = notifications.get(schoolYear) ?? null;
        const forecasts = facts.psForecasts.filter((p) => p.value.schoolYear === schoolYear && compareDates(p.value.decidedOn, at) <= 0);
        const latest = forecasts.reduce<(typeof forecasts)[number] | null>((l, p) => (l === null || compareDates(l.value.decidedOn, p.value.decidedOn) <= 0 ? p : l), null);
        const paid = facts.psPayments.filter((p) => p.value.schoolYear === schoolYear && compareDates(p.value.paidOn, at) <= 0);
        return {
          schoolYear,
          collectifsNotified: notified,
          collectifs: notified ?? effective.collectifs,
          psForecast: latest ? { value: latest.value.amount, eventIds: unionIds([latest.eventIds]) } : null,
          psPaid: { value: paid.reduce((s, p) => s + p.value.amount, 0), eventIds: idsOf(paid) },
          continuation: canContinue(scope, schoolYear, bilans),
        };
      })
    : [];

  const current = schoolYearOf(at);
  const next = status === 'upcoming' ? period.firstYear : status === 'active' ? nextSchoolYear(current) : null;
  const nextYear = next !== null && yearsCovered.includes(next) ? (years.find((y) => y.schoolYear === next)?.continuation ?? null) : null;

  return {
    ruleId: 'R-CONV-4',
    conventionId: req.value.conventionId,
    operatorId: req.value.operatorId,
    projectIds: [...req.value.projectIds].sort(),
    at,
    status,
    requested: { on: req.value.on, period: { firstYear: req.value.firstYear, years: req.value.years }, values: req.value.values, eventIds: unionIds([req.eventIds]) },
    signed: signed ? { on: signed.value.on, eventIds: unionIds([signed.eventIds]) } : null,
    refused: refused ? { on: refused.value.on, reason: refused.value.reason, eventIds: unionIds([refused.eventIds]) } : null,
    terminated: terminated ? { on: terminated.value.on, reason: terminated.value.reason, eventIds: unionIds([terminated.eventIds]) } : null,
    period: { ...period, lastYear, from, to },
    yearsCovered,
    years,
    amendments: [...amendments.values()],
    effective,
    pendingChanges,
    nextYear,
    anomalies,
  };
}
