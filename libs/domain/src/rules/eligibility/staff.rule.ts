import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { LocalDate } from '../../shared/calendar-date.js';
import { assertNever } from '../../shared/result.js';
import type { ProjectFacts, StaffAssignment } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import { enrolmentsOn } from '../ps/weeks-of-activity.rule.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';

/** 2 staff per collectif; a rural collectif of fewer than `groupSize.min` children may have 1 ('waived'). */
function staffCheck(staff: number, children: number, rural: boolean, params: CampaignParameters): CriterionStatus {
  if (staff >= params.staff.perCollectif) return 'met';
  if (rural && children < params.groupSize.min && staff >= params.staff.ruralSmallGroup) return 'waived';
  return 'not_met';
}

function staffOn(day: LocalDate, assignments: readonly StaffAssignment[]): StaffAssignment[] {
  const byStaff = new Map<string, StaffAssignment>();
  for (const a of assignments) if (a.from <= day && (a.to === null || day <= a.to) && !byStaff.has(a.staffId)) byStaff.set(a.staffId, a);
  return [...byStaff.values()];
}

/** R-ELIG-STAFF (001, 004): staffing of every collectif, planned or on every held session. */
export function evaluateStaff(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  switch (facts.basis) {
    case 'planned': {
      if (!facts.collectifs || facts.collectifs.length === 0)
        return criterionResult('R-ELIG-STAFF', 'unknown', ['no collectif planned yet'], { collectifs: [] }, []);
      const checks = facts.collectifs.map(({ value: c }) => ({
        label: c.label,
        plannedStaff: c.plannedStaff,
        plannedChildren: c.plannedChildren,
        status: staffCheck(c.plannedStaff, c.plannedChildren, c.rural ?? facts.rural.value, params),
      }));
      const reasons = checks.flatMap((c) =>
        c.status === 'not_met'
          ? [`collectif ${c.label}: ${c.plannedStaff} staff planned, ${params.staff.perCollectif} required`]
          : c.status === 'waived'
            ? [`collectif ${c.label}: ${c.plannedStaff} staff accepted for a rural group of ${c.plannedChildren}`]
            : [],
      );
      return criterionResult(
        'R-ELIG-STAFF',
        worstStatus(checks.map((c) => c.status)),
        reasons,
        { staff: params.staff, collectifs: checks },
        eventIdsOf(facts.rural, ...facts.collectifs),
      );
    }
    case 'actual': {
      const statuses: CriterionStatus[] = [];
      const reasons: string[] = [];
      const perCollectif: Array<Record<string, unknown>> = [];
      const used: Array<{ eventIds: readonly string[] }> = [facts.rural];
      for (const c of facts.collectifs) {
        const rural = c.rural ?? facts.rural.value;
        const held = c.sessions.filter((s) => !s.cancelled);
        if (held.length === 0) continue;
        const short: string[] = [];
        let waived = 0;
        for (const s of held) {
          const staff = staffOn(s.date, c.staffAssignments);
          const status = staffCheck(staff.length, enrolmentsOn(s.date, c.enrolments).length, rural, params);
          statuses.push(status);
          if (status === 'not_met') short.push(`${s.date} (${staff.length})`);
          if (status === 'waived') waived += 1;
          used.push(s, ...staff);
        }
        if (short.length) reasons.push(`collectif ${c.collectifId}: under-staffed on ${short.join(', ')}`);
        if (waived) reasons.push(`collectif ${c.collectifId}: one staff member accepted on ${waived} session(s) of a small rural group`);
        perCollectif.push({ collectifId: c.collectifId, heldSessions: held.length, underStaffed: short.length, waived });
      }
      if (perCollectif.length === 0) return criterionResult('R-ELIG-STAFF', 'unknown', ['no session held yet'], { collectifs: [] }, []);
      return criterionResult(
        'R-ELIG-STAFF',
        worstStatus(statuses),
        reasons,
        { staff: params.staff, collectifs: perCollectif },
        eventIdsOf(...used),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
