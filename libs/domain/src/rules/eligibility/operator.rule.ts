import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';

/**
 * R-ELIG-OPERATOR (000): civil liability insurance, a criminal-record extract for every staff
 * member, the laïcité charter signed — each dated on or before `asOf`. A missing declaration
 * blocks approval ('not_met'); only an unknown staff list leaves the answer 'unknown'.
 * In actual facts, every staff member assigned to a collectif must be among the declared staff.
 */
export function evaluateOperator(facts: ProjectFacts, _params: CampaignParameters): CriterionResult {
  const { insurance, laiciteCharterSignedOn: charter } = facts.operator;
  const asOf = facts.asOf;
  const statuses: CriterionStatus[] = [];
  const reasons: string[] = [];
  if (!insurance) {
    statuses.push('not_met');
    reasons.push('no civil liability insurance declared');
  } else if (insurance.value.declaredOn > asOf) {
    statuses.push('not_met');
    reasons.push(`insurance declared on ${insurance.value.declaredOn}, after ${asOf}`);
  } else if (insurance.value.validUntil !== null && insurance.value.validUntil < asOf) {
    statuses.push('not_met');
    reasons.push(`insurance expired on ${insurance.value.validUntil}`);
  }
  if (!charter) {
    statuses.push('not_met');
    reasons.push('laïcité charter not signed');
  } else if (charter.value > asOf) {
    statuses.push('not_met');
    reasons.push(`laïcité charter signed on ${charter.value}, after ${asOf}`);
  }
  const staff = facts.staff;
  let assigned: string[] = [];
  switch (facts.basis) {
    case 'planned':
      break;
    case 'actual':
      assigned = [...new Set(facts.collectifs.flatMap((c) => c.staffAssignments.map((a) => a.staffId)))];
      break;
    default:
      assertNever(facts, 'project facts basis');
  }
  if (staff === null || (staff.length === 0 && assigned.length === 0)) {
    statuses.push('unknown');
    reasons.push('staff members not declared yet');
  } else {
    for (const { value: member } of staff) {
      if (member.criminalRecordCheckedOn === null) {
        statuses.push('not_met');
        reasons.push(`staff ${member.staffId}: no criminal-record extract`);
      } else if (member.criminalRecordCheckedOn > asOf) {
        statuses.push('not_met');
        reasons.push(`staff ${member.staffId}: criminal-record extract dated ${member.criminalRecordCheckedOn}, after ${asOf}`);
      }
    }
    const declared = new Set(staff.map((s) => s.value.staffId));
    for (const id of assigned.filter((a) => !declared.has(a))) {
      statuses.push('not_met');
      reasons.push(`staff ${id}: assigned to a collectif without any declaration`);
    }
  }
  return criterionResult(
    'R-ELIG-OPERATOR',
    worstStatus(statuses),
    reasons,
    {
      asOf,
      insurance: insurance?.value ?? null,
      laiciteCharterSignedOn: charter?.value ?? null,
      staff: staff?.map((s) => ({ staffId: s.value.staffId, criminalRecordCheckedOn: s.value.criminalRecordCheckedOn })) ?? null,
    },
    eventIdsOf(insurance, charter, ...(staff ?? [])),
  );
}
