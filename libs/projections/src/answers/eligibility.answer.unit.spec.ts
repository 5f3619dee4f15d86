import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { eligibilityStatus } from './eligibility.answer.js';
import {
  applicationContent,
  applicationFiled,
  approvedProject,
  campaignOpened,
  operatorEvents,
  paris,
  runningCollectif,
  Script,
  seasonProject,
} from './testing/scenario.fixtures.js';
import { statesOf } from './testing/states.fixtures.js';

const ids = seasonProject('p1', 'op1');
const asOf = (date: string): AsOf => ({ at: paris(date, '23:00'), knownAt: paris(date, '23:00') });

function scenario(): Script {
  const script = approvedProject(ids, AUDE_2026_2027);
  for (const e of runningCollectif(ids, 'col-a', 28)) script.add(e);
  for (const e of runningCollectif(ids, 'col-b', 20, 6)) script.add(e);
  return script;
}

const statusOf = (evaluation: { criteria: Array<{ criterion: string; status: string }> } | null, criterion: string) =>
  evaluation?.criteria.find((c) => c.criterion === criterion)?.status;

describe('eligibilityStatus', () => {
  it('follows the lifecycle at each date', () => {
    const events = scenario().recorded();
    const at = (date: string) => {
      const s = statesOf(events, 'p1', 'op1', '11:2026-2027', asOf(date));
      return eligibilityStatus(s.project, s.campaign, s.operator, asOf(date));
    };
    expect(at('2026-06-01').status).toBe('unknown');
    expect(at('2026-07-01').status).toBe('filed');
    expect(at('2026-09-15').status).toBe('under_examination');
    const approved = at('2026-10-20');
    expect(approved.status).toBe('approved');
    expect(approved.decision).toMatchObject({ outcome: 'approved', approvedCollectifs: 2, corrected: false });
    expect(approved.statusHistory.map((h) => h.status)).toEqual(['filed', 'under_examination', 'approved']);
  });

  it('evaluates planned facts on the application and actual facts on what happened, separately', () => {
    const events = scenario().recorded();
    const date = asOf('2027-08-31');
    const s = statesOf(events, 'p1', 'op1', '11:2026-2027', date);
    const answer = eligibilityStatus(s.project, s.campaign, s.operator, date);
    expect(answer.planned?.verdict).toBe('eligible');
    expect(answer.planned?.reasons).toEqual([]);
    // On paper 10 children per collectif; in practice col-b ran with 6 (not rural) and only 20 weeks, and the year is over.
    expect(answer.actual?.verdict).toBe('not_eligible');
    expect(statusOf(answer.actual, 'R-ELIG-COLLECTIVE')).toBe('not_met');
    expect(statusOf(answer.actual, 'R-ELIG-RHYTHM')).toBe('not_met');
    expect(statusOf(answer.actual, 'R-ELIG-STAFF')).toBe('met');
    expect(statusOf(answer.actual, 'R-ELIG-TRAINING')).toBe('met');
    expect(answer.actual?.reasons.some((r) => r.includes('col-b'))).toBe(true);
    expect(answer.actual?.explanation.sourceEventIds.length).toBeGreaterThan(0);
  });

  it('is incomplete while the operator has declared no staff, and names the missing facts', () => {
    const script = new Script();
    script.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
    for (const e of operatorEvents('op1', '11', '2026-03-10')) script.add(e);
    script.add(applicationFiled(ids, applicationContent(), '2026-06-20'));
    const date = asOf('2026-07-01');
    const s = statesOf(script.recorded(), 'p1', 'op1', '11:2026-2027', date);
    const answer = eligibilityStatus(s.project, s.campaign, s.operator, date);
    expect(answer.planned?.verdict).toBe('incomplete');
    expect(answer.planned?.reasons).toEqual(['R-ELIG-OPERATOR: staff members not declared yet']);
    expect(answer.assumptions.length).toBeGreaterThan(0);
  });
});
