import { describe, expect, it } from '@jest/globals';
import { schoolYear } from '../../shared/school-year.js';
import type { CommitteeDecisionFact, ProjectWithdrawalFact } from './approval-history.js';
import { bilanDue, type BilanFiledFact } from './bilan-due.rule.js';
import { d, src, Y2026 } from './testing/bilan.fixtures.js';

const decision = (projectId: string, outcome: CommitteeDecisionFact['outcome'], id: string, year = Y2026) =>
  src<CommitteeDecisionFact>({ projectId, operatorId: `op-${projectId}`, schoolYear: year, outcome, decidedOn: d('2026-10-05') }, id);
const filed = (projectId: string, kind: BilanFiledFact['kind'], assessment: BilanFiledFact['assessment'], id: string) =>
  src<BilanFiledFact>({ projectId, schoolYear: Y2026, kind, filedOn: d('2027-09-20'), assessment }, id);

describe('bilan due per approved project and year (R-BILAN-1)', () => {
  it('R-BILAN-1: one bilan is due per approved project of the year — refused, withdrawn, corrected-to-refused and other years are not', () => {
    const decisions = [
      decision('p-approved', 'approved', 'd1'),
      decision('p-refused', 'refused', 'd2'),
      decision('p-corrected-out', 'approved', 'd3'),
      decision('p-corrected-out', 'refused', 'd3-fix'),
      decision('p-corrected-in', 'refused', 'd4'),
      decision('p-corrected-in', 'approved', 'd4-fix'),
      decision('p-withdrawn', 'approved', 'd5'),
      decision('p-last-year', 'approved', 'd6', schoolYear('2025-2026')),
    ];
    const withdrawals = [src<ProjectWithdrawalFact>({ projectId: 'p-withdrawn', schoolYear: Y2026, withdrawnOn: d('2026-11-02') }, 'w1')];
    const due = bilanDue({ decisions, withdrawals }, [], Y2026);
    expect(due.map((b) => [b.projectId, b.operatorId, b.approvalEventIds])).toEqual([
      ['p-approved', 'op-p-approved', ['d1']],
      ['p-corrected-in', 'op-p-corrected-in', ['d4', 'd4-fix']],
    ]);
    expect(due[0]).toMatchObject({ outstanding: ['qualitative', 'quantitative', 'financial'], received: false, compliant: false });
  });

  it('R-BILAN-1: the parts filed and their assessment — the last fact per part wins', () => {
    const bilans = [
      filed('p1', 'qualitative', 'pending', 'b1'),
      filed('p1', 'qualitative', 'compliant', 'b1-ok'),
      filed('p1', 'quantitative', 'non_compliant', 'b2'),
      filed('p2', 'financial', 'compliant', 'b-other-project'),
    ];
    const [p1] = bilanDue({ decisions: [decision('p1', 'approved', 'd1')], withdrawals: [] }, bilans, Y2026);
    expect(p1.parts).toEqual({
      qualitative: { status: 'compliant', filedOn: '2027-09-20', eventIds: ['b1-ok'] },
      quantitative: { status: 'non_compliant', filedOn: '2027-09-20', eventIds: ['b2'] },
      financial: { status: 'missing', filedOn: null, eventIds: [] },
    });
    expect(p1).toMatchObject({ outstanding: ['financial'], received: false, compliant: false });

    const [complete] = bilanDue(
      { decisions: [decision('p1', 'approved', 'd1')], withdrawals: [] },
      [...bilans, filed('p1', 'financial', 'compliant', 'b3'), filed('p1', 'quantitative', 'compliant', 'b2-ok')],
      Y2026,
    );
    expect(complete).toMatchObject({ outstanding: [], received: true, compliant: true });
  });
});
