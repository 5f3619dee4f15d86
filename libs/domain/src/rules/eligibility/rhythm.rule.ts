import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { daysBetween } from '../../shared/calendar-date.js';
import { assertNever } from '../../shared/result.js';
import { schoolYearEnd, schoolYearStart } from '../../shared/school-year.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import { collectifWeeksOfActivity, weeklyRhythmMet } from '../ps/weeks-of-activity.rule.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';

/**
 * R-ELIG-RHYTHM (001, 004, 000): the campaign's weekly rhythm (2 × 90 min by default; rural
 * 1 × 120 min, 'waived') over at least `minWeeks` weeks; one-off actions are never eligible.
 * Actual facts: per collectif that held sessions, the ISO weeks whose sessions met the rhythm.
 * Short of the minimum while the school year still has enough weeks left, the answer is 'unknown'.
 */
export function evaluateRhythm(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  const { rhythm } = params;
  switch (facts.basis) {
    case 'planned': {
      const plan = facts.rhythm;
      if (!plan) return criterionResult('R-ELIG-RHYTHM', 'unknown', ['rhythm not described yet'], { rhythm: null, campaign: rhythm }, []);
      const p = plan.value;
      const reasons: string[] = [];
      const statuses: CriterionStatus[] = [];
      if (p.oneOff) {
        statuses.push('not_met');
        reasons.push('a one-off action is never eligible');
      }
      const weekly = weeklyRhythmMet(p.weeklySessionMinutes, facts.rural.value, rhythm);
      const schedule = p.weeklySessionMinutes.length ? p.weeklySessionMinutes.join(' + ') : 'no session';
      if (weekly === null) {
        statuses.push('not_met');
        reasons.push(`${schedule} min a week does not meet ${rhythm.normal.sessionsPerWeek} × ${rhythm.normal.minMinutesPerSession} min`);
      } else if (weekly === 'rural') {
        statuses.push('waived');
        reasons.push(`rural rhythm accepted: ${schedule} min a week`);
      }
      if (p.weeks < rhythm.minWeeks) {
        statuses.push('not_met');
        reasons.push(`${p.weeks} weeks planned, at least ${rhythm.minWeeks} required`);
      }
      return criterionResult(
        'R-ELIG-RHYTHM',
        worstStatus(statuses),
        reasons,
        { planned: p, rural: facts.rural.value, campaign: rhythm },
        eventIdsOf(plan, facts.rural),
      );
    }
    case 'actual': {
      const start = schoolYearStart(facts.schoolYear);
      const end = schoolYearEnd(facts.schoolYear);
      const daysLeft = Math.max(0, daysBetween(facts.asOf, end));
      // Weeks the year still offers: generous on purpose, so that 'not_met' is only said when certain.
      const weeksLeft = Math.ceil(daysLeft / 7);
      const statuses: CriterionStatus[] = [];
      const reasons: string[] = [];
      const perCollectif: Array<Record<string, unknown>> = [];
      const used: Array<{ eventIds: readonly string[] }> = [facts.rural];
      for (const c of facts.collectifs) {
        const result = collectifWeeksOfActivity(
          {
            collectifId: c.collectifId,
            rural: c.rural ?? facts.rural.value,
            sessions: c.sessions,
            enrolments: c.enrolments,
            period: { from: start, to: end },
          },
          params,
        );
        if (result.heldSessions === 0) continue;
        const rhythmWeeks = result.weeks.filter((w) => w.rhythm !== null);
        const normalWeeks = rhythmWeeks.filter((w) => w.rhythm === 'normal').length;
        let status: CriterionStatus;
        if (rhythmWeeks.length >= rhythm.minWeeks) status = normalWeeks >= rhythm.minWeeks ? 'met' : 'waived';
        else status = rhythmWeeks.length + weeksLeft >= rhythm.minWeeks ? 'unknown' : 'not_met';
        statuses.push(status);
        if (status === 'waived')
          reasons.push(
            `collectif ${c.collectifId}: ${rhythmWeeks.length} weeks at the rhythm, ${rhythmWeeks.length - normalWeeks} of them by the rural alternative`,
          );
        if (status === 'unknown')
          reasons.push(`collectif ${c.collectifId}: ${rhythmWeeks.length} of ${rhythm.minWeeks} weeks so far, the school year is not over`);
        if (status === 'not_met')
          reasons.push(`collectif ${c.collectifId}: ${rhythmWeeks.length} weeks at the rhythm, ${rhythm.minWeeks} required`);
        perCollectif.push({ collectifId: c.collectifId, weeksAtRhythm: rhythmWeeks.length, normalWeeks, status });
        used.push(...c.sessions.filter((s) => !s.cancelled));
      }
      if (perCollectif.length === 0) {
        const status = weeksLeft >= rhythm.minWeeks ? 'unknown' : 'not_met';
        return criterionResult('R-ELIG-RHYTHM', status, ['no session held'], { collectifs: [], weeksLeft, campaign: rhythm }, []);
      }
      return criterionResult(
        'R-ELIG-RHYTHM',
        worstStatus(statuses),
        reasons,
        { collectifs: perCollectif, weeksLeft, asOf: facts.asOf, campaign: rhythm },
        eventIdsOf(...used),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
