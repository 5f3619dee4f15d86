import { describe, expect, it } from '@jest/globals';
import {
  AUDE_2026_2027,
  type ClasEvent,
  type ConventionAmendmentState,
  type ConventionState,
  conventionPeriod,
  makeEvent,
  schoolYear,
} from '@clas/domain';
import { projectionSpec } from '@clas/domain/testing';
import type { AsOf } from '../core/keyed-fold.js';
import { foldAsOf } from '../core/keyed-fold.js';
import { approval, campaignOpened, d, decisionRecorded, operatorEvents, paris, Script } from '../answers/testing/scenario.fixtures.js';
import { campaignFold } from './campaign.fold.js';
import { conventionFold } from './convention.fold.js';
import { operatorFold } from './operator.fold.js';

const NOW: AsOf = { at: '2030-01-01T00:00:00.000Z', knownAt: '2030-01-01T00:00:00.000Z' };

describe('campaignFold', () => {
  it('applies amendments from their date and remembers which event set each parameter (R-PS-EXPLAIN)', () => {
    const script = new Script();
    script.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
    script.add(
      makeEvent(
        'CampaignParametersAmended',
        {
          cafCode: '11',
          schoolYear: schoolYear('2026-2027'),
          patch: { bonusParents: 34_000 },
          reason: 'CNAF circular',
          amendedOn: d('2026-12-01'),
        },
        paris('2026-12-01'),
      ),
    );
    const before = foldAsOf(campaignFold, '11:2026-2027', script.recorded(), { at: paris('2026-11-30'), knownAt: NOW.knownAt });
    const after = foldAsOf(campaignFold, '11:2026-2027', script.recorded(), NOW);
    expect(before.parameters?.bonusParents).toBe(33_500);
    expect(after.parameters?.bonusParents).toBe(34_000);
    expect(after.parameters?.priceCapPerCollectif).toBe(865_200);
    expect(after.fieldSources.bonusParents).toBe('e2-CampaignParametersAmended');
    expect(after.fieldSources.priceCapPerCollectif).toBe('e1-CampaignOpened');
    expect(after.amendments).toHaveLength(1);
  });
});

describe('operatorFold', () => {
  it("keeps declarations, the coordinator and the approval history of the operator's projects", () => {
    const script = new Script();
    for (const e of operatorEvents('op1', '11', '2024-03-10', 'centre_social')) script.add(e);
    const old = { projectId: 'old', operatorId: 'op1', cafCode: '11', schoolYear: schoolYear('2025-2026') };
    script.add(decisionRecorded(old, approval(), '2025-10-05'));
    script.add(
      makeEvent(
        'RecoveryIssued',
        { ...old, recoveryId: 'rec-1', amount: 10_000, issuedOn: d('2026-10-01'), reason: 'overpaid' },
        paris('2026-10-01'),
      ),
    );
    const state = foldAsOf(operatorFold, 'op1', script.recorded(), NOW);
    expect(state.kind).toBe('centre_social');
    expect(state.cafApproval).toEqual({ from: '2024-01-01', to: '2028-12-31' });
    expect(state.coordinator?.qualificationLevel).toBe(3);
    expect(Object.keys(state.declarations).sort()).toEqual(['insurance', 'laicite_charter']);
    expect(state.history.decisions).toEqual([
      { projectId: 'old', schoolYear: '2025-2026', outcome: 'approved', decidedOn: '2025-10-05', eventId: 'e5-CommitteeDecisionRecorded' },
    ]);
    expect(state.history.payments.map((p) => [p.kind, p.amount])).toEqual([['recovery', -10_000]]);
  });
});

describe('conventionFold', () => {
  const ref = { conventionId: 'c1', operatorId: 'op1', cafCode: '11' };
  const terms = { startDate: d('2026-11-02'), collectifs: 2, children: 20, weeks: 28 };
  const period = conventionPeriod(schoolYear('2026-2027'), 3);
  const requested = makeEvent(
    'ConventionRequested',
    { ...ref, projectIds: ['p1'], period, terms, operatorKind: 'association', priorApprovedSchoolYears: 2, requestedOn: d('2026-06-10') },
    paris('2026-06-10'),
  );
  const signed = makeEvent('ConventionSigned', { ...ref, period, terms, signedOn: d('2026-07-15') }, paris('2026-07-15'));
  const amendment = makeEvent(
    'ConventionAmendmentRequested',
    { ...ref, amendmentId: 'a1', changes: { weeks: 30 }, reason: 'longer year', requestedOn: d('2026-12-01') },
    paris('2026-12-01'),
  );
  const validation = makeEvent(
    'ConventionAmendmentValidated',
    { ...ref, amendmentId: 'a1', changes: { weeks: 30 }, terms: { ...terms, weeks: 30 }, validatedOn: d('2027-01-10') },
    paris('2027-01-10'),
  );
  const recorded = (...events: ClasEvent[]) => {
    const script = new Script();
    for (const e of events) script.add(e);
    return script.recorded();
  };
  const signedState = {
    conventionId: 'c1',
    operatorId: 'op1',
    cafCode: '11',
    requested: {
      projectIds: ['p1'],
      period,
      terms,
      operatorKind: 'association',
      priorApprovedSchoolYears: 2,
      requestedOn: d('2026-06-10'),
      eventId: 'e1-ConventionRequested',
    },
    signed: { period, terms, signedOn: d('2026-07-15'), eventId: 'e2-ConventionSigned' },
    refused: null,
    terminated: null,
    terms,
    notifications: {},
    amendments: [],
  } satisfies ConventionState;
  const pendingAmendment: ConventionAmendmentState = {
    amendmentId: 'a1',
    changes: { weeks: 30 },
    reason: 'longer year',
    requestedOn: d('2026-12-01'),
    status: 'pending',
    decidedOn: null,
    refusalReason: null,
    termsAfter: null,
    eventIds: ['e3-ConventionAmendmentRequested'],
  };

  it('R-CONV-3: a requested amendment is pending and leaves the effective terms alone', () => {
    projectionSpec(conventionFold)
      .given(recorded(requested, signed, amendment))
      .then({ ...signedState, amendments: [pendingAmendment] });
  });

  it('R-CONV-3: a validated amendment keeps the full terms after it, which become the effective terms', () => {
    projectionSpec(conventionFold)
      .given(recorded(requested, signed, amendment, validation))
      .then({
        ...signedState,
        terms: { ...terms, weeks: 30 },
        amendments: [
          {
            ...pendingAmendment,
            status: 'validated',
            decidedOn: d('2027-01-10'),
            termsAfter: { ...terms, weeks: 30 },
            eventIds: ['e3-ConventionAmendmentRequested', 'e4-ConventionAmendmentValidated'],
          },
        ],
      });
  });

  it('R-CONV-3: as of a date before the validation, the amendment is still pending', () => {
    const state = foldAsOf(conventionFold, 'c1', recorded(requested, signed, amendment, validation), {
      at: paris('2026-12-15'),
      knownAt: NOW.knownAt,
    });
    expect(state.amendments.map((a) => a.status)).toEqual(['pending']);
    expect(state.terms).toEqual(terms);
  });
});
