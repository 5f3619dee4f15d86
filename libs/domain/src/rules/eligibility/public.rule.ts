import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { isClasSchoolLevel } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

/**
 * R-ELIG-PUBLIC (001): children from CP to Terminale, oriented with the parents' agreement after a
 * need identified with the school; who oriented each child is recorded.
 */
export function evaluatePublic(facts: ProjectFacts, _params: CampaignParameters): CriterionResult {
  switch (facts.basis) {
    case 'planned': {
      const target = facts.targetPublic;
      if (!target) return criterionResult('R-ELIG-PUBLIC', 'unknown', ['target public not described yet'], { targetPublic: null }, []);
      const reasons: string[] = [];
      const outOfScope = target.value.schoolLevels.filter((l) => !isClasSchoolLevel(l));
      if (target.value.schoolLevels.length === 0) reasons.push('no school level targeted');
      if (outOfScope.length > 0) reasons.push(`levels outside CP..Terminale: ${outOfScope.join(', ')}`);
      if (!target.value.orientedWithParentsAgreement) reasons.push("children are not oriented with the parents' agreement");
      if (!target.value.needIdentifiedWithSchool) reasons.push('the need is not identified with the school');
      if (!target.value.orientationRecorded) reasons.push('who oriented each child is not recorded');
      return criterionResult(
        'R-ELIG-PUBLIC',
        reasons.length ? 'not_met' : 'met',
        reasons,
        { targetPublic: target.value },
        eventIdsOf(target),
      );
    }
    case 'actual': {
      if (facts.children.length === 0) return criterionResult('R-ELIG-PUBLIC', 'unknown', ['no child enrolled yet'], { children: [] }, []);
      const reasons: string[] = [];
      for (const { value: child } of facts.children) {
        if (!isClasSchoolLevel(child.schoolLevel))
          reasons.push(`child ${child.childId}: level ${child.schoolLevel} is outside CP..Terminale`);
        if (child.orientedBy === null) reasons.push(`child ${child.childId}: who oriented the child is not recorded`);
        if (!child.parentalConsent) reasons.push(`child ${child.childId}: no parental agreement recorded`);
      }
      return criterionResult(
        'R-ELIG-PUBLIC',
        reasons.length ? 'not_met' : 'met',
        reasons,
        { children: facts.children.map((c) => c.value) },
        eventIdsOf(...facts.children),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
