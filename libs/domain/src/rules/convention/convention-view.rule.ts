import type { ConventionState } from '../../convention/convention.state.js';
import type { ConventionTerms, ConventionTermsChanges } from '../../events/convention.events.js';
import { compareDates, type LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
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

export interface ConventionViewFacts {
  /** The world as it was on that day: facts dated later are ignored. */
  at: LocalDate;
  /** The convention's one fold (every fact with its date and event id). */
  convention: ConventionState;
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

const valuesOf = (terms: ConventionTerms): ConventionValues => ({
  startDate: terms.startDate,
  collectifs: terms.collectifs,
  children: terms.children,
  weeksOfActivity: terms.weeks,
});

function changesOf(changes: ConventionTermsChanges): Partial<ConventionValues> {
  const out: Partial<ConventionValues> = {};
  if (changes.startDate !== undefined) out.startDate = changes.startDate;
  if (changes.collectifs !== undefined) out.collectifs = changes.collectifs;
  if (changes.children !== undefined) out.children = changes.children;
  if (changes.weeks !== undefined) out.weeksOfActivity = changes.weeks;
  return out;
}

/** Stable sort by a date (same-day items keep their order: request order). */
function byDate<T>(items: readonly T[], dateOf: (item: T) => LocalDate): T[] {
  return [...items].sort((x, y) => compareDates(dateOf(x), dateOf(y)));
}

/**
 * The view at `at`, a pure function of the convention's one state (convention/convention.state.ts):
 * facts dated after `at` are left out. Returns null when no request is known at `at`.
 */
export function conventionAt(facts: ConventionViewFacts): ConventionView | null {
  const at = facts.at;
  const c = facts.convention;
  const known = (on: LocalDate | null | undefined): on is LocalDate => on !== null && on !== undefined && compareDates(on, at) <= 0;
  if (!c.requested || !known(c.requested.requestedOn)) return null;
  const req = c.requested;
  const signed = c.signed && known(c.signed.signedOn) ? c.signed : null;
  const refused = c.refused && known(c.refused.refusedOn) ? c.refused : null;
  const terminated = c.terminated && known(c.terminated.terminatedOn) ? c.terminated : null;
  const notifications = new Map<string, Sourced<number>>();
  for (const n of Object.values(c.notifications))
    if (known(n.notifiedOn)) notifications.set(n.schoolYear, { value: n.collectifs, eventIds: [n.eventId] });

  // An amendment as it stood at `at`: a decision dated later is not known yet.
  const amendments: AmendmentView[] = [];
  const anomalies: string[] = [];
  for (const a of byDate(c.amendments, (x) => x.requestedOn)) {
    const decided = a.status !== 'pending' && known(a.decidedOn);
    if (!known(a.requestedOn)) {
      if (decided) anomalies.push(`amendment ${a.amendmentId} decided on ${a.decidedOn} but never requested`);
      continue;
    }
    amendments.push({
      amendmentId: a.amendmentId,
      requestedOn: a.requestedOn,
      changes: changesOf(a.changes),
      status: decided ? a.status : 'pending',
      decidedOn: decided ? a.decidedOn : null,
      refusalReason: decided && a.status === 'refused' ? a.refusalReason : null,
      eventIds: unionIds([decided ? a.eventIds : a.eventIds.slice(0, 1)]),
    });
  }
  // Validated amendments apply in the order the Caf validated them.
  const validated = byDate(
    amendments.filter((a) => a.status === 'validated'),
    (a) => a.decidedOn as LocalDate,
  );

  const base = valuesOf(signed?.terms ?? req.terms);
  const baseIds = [(signed ?? req).eventId];
  const fromBase = <K extends keyof ConventionValues>(k: K): Sourced<ConventionValues[K]> => ({
    value: base[k],
    eventIds: unionIds([baseIds]),
  });
  const effective: ConventionView['effective'] = {
    startDate: fromBase('startDate'),
    collectifs: fromBase('collectifs'),
    children: fromBase('children'),
    weeksOfActivity: fromBase('weeksOfActivity'),
  };
  for (const a of validated) {
    for (const k of VALUE_FIELDS) {
      const v = a.changes[k];
      if (v !== undefined) (effective as Record<string, Sourced<unknown>>)[k] = { value: v, eventIds: a.eventIds };
    }
  }
  const pendingChanges: Partial<ConventionValues> = {};
  for (const a of amendments) if (a.status === 'pending') Object.assign(pendingChanges, a.changes);

  const periodSource = (signed ?? req).period;
  const period: ConventionYears = { firstYear: periodSource.startSchoolYear, years: periodSource.years };
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

  const scope = { conventionId: c.conventionId, projectIds: req.projectIds, period };
  const bilans = facts.bilans.filter((b) => compareDates(b.value.filedOn, at) <= 0);
  const years: ConventionYearView[] = signed
    ? yearsCovered.map((schoolYear) => {
        const notified = notifications.get(schoolYear) ?? null;
        const forecasts = facts.psForecasts.filter((p) => p.value.schoolYear === schoolYear && compareDates(p.value.decidedOn, at) <= 0);
        const latest = forecasts.reduce<(typeof forecasts)[number] | null>(
          (l, p) => (l === null || compareDates(l.value.decidedOn, p.value.decidedOn) <= 0 ? p : l),
          null,
        );
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
    conventionId: c.conventionId,
    operatorId: c.operatorId ?? '',
    projectIds: [...req.projectIds].sort(),
    at,
    status,
    requested: {
      on: req.requestedOn,
      period: { firstYear: req.period.startSchoolYear, years: req.period.years },
      values: valuesOf(req.terms),
      eventIds: [req.eventId],
    },
    signed: signed ? { on: signed.signedOn, eventIds: [signed.eventId] } : null,
    refused: refused ? { on: refused.refusedOn, reason: refused.reason, eventIds: [refused.eventId] } : null,
    terminated: terminated ? { on: terminated.terminatedOn, reason: terminated.reason, eventIds: [terminated.eventId] } : null,
    period: { ...period, lastYear, from, to },
    yearsCovered,
    years,
    amendments,
    effective,
    pendingChanges,
    nextYear,
    anomalies,
  };
}
