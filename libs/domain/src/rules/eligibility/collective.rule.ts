import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import { schoolYearEnd, schoolYearStart } from '../../shared/school-year.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import { collectifWeeksOfActivity } from '../ps/weeks-of-activity.rule.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';
import { checkGroupSize } from './group-size.js';

/**
 * R-ELIG-COLLECTIVE (001, 004): every collectif has 8 to 12 children; rural min 5; Aude min 5 with
 * a child needing reinforced attention ('waived'). Actual facts are read where R-PS-WEEK reads
 * them: the enrolment on the day of each week's first held session (replacements included, 004).
 */
export function evaluateCollective(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  switch (facts.basis) {
    case 'planned': {
      if (!facts.collectifs || facts.collectifs.length === 0) {
        return criterionResult('R-ELIG-COLLECTIVE', 'unknown', ['no collectif planned yet'], { collectifs: [] }, []);
      }
      const checks = facts.collectifs.map(({ value: c }) => ({
        label: c.label,
        ...checkGroupSize(
          c.plannedChildren,
          { rural: c.rural ?? facts.rural.value, includesChildNeedingReinforcedAttention: c.includesChildNeedingReinforcedAttention },
          params.groupSize,
        ),
      }));
      const reasons = checks.flatMap((c) =>
        c.status === 'not_met'
          ? [`collectif ${c.label}: ${c.children} children planned, outside ${c.min}..${c.max}`]
          : c.status === 'waived'
            ? [`collectif ${c.label}: ${c.children} children accepted by the ${c.exception} exception (min ${c.min})`]
            : [],
      );
      return criterionResult(
        'R-ELIG-COLLECTIVE',
        worstStatus(checks.map((c) => c.status)),
        reasons,
        { groupSize: params.groupSize, rural: facts.rural.value, collectifs: checks },
        eventIdsOf(facts.rural, ...facts.collectifs),
      );
    }
    case 'actual': {
      const period = { from: schoolYearStart(facts.schoolYear), to: schoolYearEnd(facts.schoolYear) };
      const statuses: CriterionStatus[] = [];
      const reasons: string[] = [];
      const perCollectif: Array<Record<string, unknown>> = [];
      const eventIds: string[] = [];
      for (const c of facts.collectifs) {
        const result = collectifWeeksOfActivity(
          { collectifId: c.collectifId, rural: c.rural ?? facts.rural.value, sessions: c.sessions, enrolments: c.enrolments, period },
          params,
        );
        if (result.weeks.length === 0) continue;
        const outOfBounds = result.weeks.filter((w) => w.groupSize.status === 'not_met');
        const waived = result.weeks.filter((w) => w.groupSize.status === 'waived');
        statuses.push(...result.weeks.map((w) => w.groupSize.status));
        if (outOfBounds.length) {
          reasons.push(
            `collectif ${c.collectifId}: enrolment out of bounds in ${outOfBounds.length} week(s): ${outOfBounds.map((w) => `${w.checkDay} (${w.enrolled})`).join(', ')}`,
          );
        }
        if (waived.length) reasons.push(`collectif ${c.collectifId}: small group accepted by exception in ${waived.length} week(s)`);
        perCollectif.push({
          collectifId: c.collectifId,
          weeks: result.weeks.length,
          outOfBounds: outOfBounds.length,
          waived: waived.length,
        });
        eventIds.push(...result.explanation.sourceEventIds);
      }
      if (perCollectif.length === 0)
        return criterionResult('R-ELIG-COLLECTIVE', 'unknown', ['no session held yet'], { collectifs: [] }, []);
      return criterionResult(
        'R-ELIG-COLLECTIVE',
        worstStatus(statuses),
        reasons,
        { groupSize: params.groupSize, rural: facts.rural.value, collectifs: perCollectif },
        eventIdsOf(facts.rural, { eventIds }),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
