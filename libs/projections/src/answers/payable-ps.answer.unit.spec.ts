import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027, LANDES_2025_2026, makeEvent, schoolYear } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { payablePs } from './payable-ps.answer.js';
import {
  applicationContent,
  approvedProject,
  approval,
  bilanFiled,
  campaignOpened,
  d,
  paris,
  runningCollectif,
  Script,
  seasonProject,
} from './testing/scenario.fixtures.js';
import { statesOf } from './testing/states.fixtures.js';

const aude = seasonProject('p1', 'op1');
const asOf = (date: string): AsOf => ({ at: paris(date, '23:00'), knownAt: paris(date, '23:00') });

function audeProject(): Script {
  return approvedProject(aude, AUDE_2026_2027);
}

describe('payablePs', () => {
  it('worked example 1 (Aude, 2 urban collectifs, 18 000 €, bonus enfants on both): forecast 6 293,80 €', () => {
    const script = audeProject();
    const s = statesOf(script.recorded(), 'p1', 'op1', '11:2026-2027', asOf('2026-10-20'));
    const answer = payablePs(s.project, s.campaign, asOf('2026-10-20'));
    expect(answer.basis).toBe('forecast');
    expect(answer.forecast?.psPerCollectif).toBe(281_190);
    expect(answer.forecast?.capApplied).toBe(true);
    expect(answer.forecast?.bonuses.total).toBe(67_000);
    expect(answer.forecast?.reduction80.reduction).toBe(0);
    expect(answer.payable).toBe(629_380);
    expect(answer.due).toBe(629_380);
    expect(answer.forecast?.parameters.campaignEventIds).toEqual(['e1-CampaignOpened']);
    expect(answer.forecast?.explanation.sourceEventIds).toEqual([
      'e1-CampaignOpened',
      'e8-CommitteeDecisionRecorded',
      'e6-ApplicationFiled',
    ]);
  });

  it('worked example 2 (Landes, rural, 1 collectif, 3 000 €, other Caf funding 1 500 €, bonus parents): 900,00 € after a 404,00 € reduction', () => {
    const landes = { projectId: 'p2', operatorId: 'op2', cafCode: '40', schoolYear: schoolYear('2025-2026') };
    const script = new Script();
    script.add(campaignOpened(LANDES_2025_2026, '2025-03-01'));
    const content = applicationContent(
      {
        budget: { totalOperatingCost: 300_000, coFunders: [], otherCafFunding: 150_000, familyFeePerChild: 0 },
        bonusRequests: {
          enfants: null,
          parents: { supportProject: 'parents all year', criteria: ['specific_parent_actions'], justification: 'monthly meetings' },
        },
      },
      1,
      true,
    );
    script.add(
      makeEvent(
        'ApplicationFiled',
        { ...landes, applicationKind: 'new', renewalOf: null, content, filedOn: d('2025-07-01'), deadline: d('2025-07-30'), warnings: [] },
        paris('2025-07-01'),
      ),
    );
    script.add(
      makeEvent(
        'CommitteeDecisionRecorded',
        {
          ...landes,
          decisionId: 'dec-l',
          meetingId: null,
          meetingDate: d('2025-10-01'),
          effectiveDate: d('2025-10-01'),
          decision: approval({
            approvedCollectifs: 1,
            approvedCollectifRefs: ['c1'],
            bonusesGranted: { enfants: null, parents: { collectifs: 1 } },
            forecastOperatingCost: 300_000,
          }),
        },
        paris('2025-10-01'),
      ),
    );
    const at = asOf('2025-10-10');
    const s = statesOf(script.recorded(), 'p2', 'op2', '40:2025-2026', at);
    const answer = payablePs(s.project, s.campaign, at);
    expect(answer.forecast?.ps).toBe(97_500);
    expect(answer.forecast?.bonuses.parents.amount).toBe(32_900);
    expect(answer.forecast?.reduction80.ceiling).toBe(90_000);
    expect(answer.forecast?.reduction80.reduction).toBe(40_400);
    expect(answer.payable).toBe(90_000);
  });

  it('after the bilan, pays on actual facts and deducts the payments made by `at`: due, then to recover', () => {
    const script = audeProject();
    for (const e of runningCollectif(aude, 'col-a', 28)) script.add(e);
    for (const e of runningCollectif(aude, 'col-b', 28)) script.add(e);
    script.add(
      makeEvent(
        'AdvancePaid',
        { ...aude, paymentId: 'pay-1', decisionId: 'dec-p1', amount: 300_000, paidOn: d('2026-11-15') },
        paris('2026-11-15'),
      ),
    );
    script.add(bilanFiled(aude, 1_750_000, '2027-07-10'));
    script.add(
      makeEvent(
        'BalancePaid',
        { ...aude, paymentId: 'pay-2', bilanId: 'bil-p1', amount: 400_000, paidOn: d('2027-09-20') },
        paris('2027-09-20'),
      ),
    );
    const events = script.recorded();

    const afterBilan = asOf('2027-07-31');
    const s1 = statesOf(events, 'p1', 'op1', '11:2026-2027', afterBilan);
    const due = payablePs(s1.project, s1.campaign, afterBilan);
    expect(due.basis).toBe('actual');
    expect(due.actual?.collectifLines.map((l) => [l.collectifId, l.compliant, l.weeks?.weeksOfActivity])).toEqual([
      ['col-a', true, 28],
      ['col-b', true, 28],
    ]);
    // 17 500 € / 2 = 8 750 € > cap 8 652 € → 2 811,90 € per collectif; + 670 € bonus enfants.
    expect(due.payable).toBe(629_380);
    expect(due.paid).toBe(300_000);
    expect(due.due).toBe(329_380);

    const afterBalance = asOf('2027-09-30');
    const s2 = statesOf(events, 'p1', 'op1', '11:2026-2027', afterBalance);
    const over = payablePs(s2.project, s2.campaign, afterBalance);
    expect(over.paid).toBe(700_000);
    expect(over.due).toBe(-70_620);
    expect(over.toRecover).toBe(70_620);
    expect(over.actual?.payments.explanation.sourceEventIds).toEqual(
      expect.arrayContaining([expect.stringContaining('AdvancePaid'), expect.stringContaining('BalancePaid')]),
    );
  });

  it('says why there is nothing payable before the decision', () => {
    const script = audeProject();
    const at = asOf('2026-09-15');
    const s = statesOf(script.recorded(), 'p1', 'op1', '11:2026-2027', at);
    const answer = payablePs(s.project, s.campaign, at);
    expect(answer.notApplicable).toBe('no committee decision at this date');
    expect(answer.payable).toBe(0);
  });
});
