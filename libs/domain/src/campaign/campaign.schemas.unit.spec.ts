import { describe, expect, it } from '@jest/globals';
import { validate } from '../schema/validate.js';
import { CAF, YEAR, audeCampaign } from '../testing/fixtures.js';
import { amendBudgetEnvelopeData, amendCampaignParametersData, openCampaignData, setBudgetEnvelopeData } from './campaign.schemas.js';

const open = (parameters: object) => validate(openCampaignData, { parameters });
const amend = (patch: object) => validate(amendCampaignParametersData, { cafCode: CAF, schoolYear: YEAR, patch, reason: 'typo' });

describe('campaign payloads (R-INPUT)', () => {
  it('R-INPUT: a full parameter set is accepted', () => {
    expect(open(audeCampaign())).toBeNull();
  });

  it('R-INPUT: a negative price cap or a group max below its min is rejected with the field', () => {
    expect(open(audeCampaign({ priceCapPerCollectif: -1 }))).toMatchObject({
      code: 'INVALID_INPUT',
      ruleId: 'R-INPUT',
      details: { field: 'parameters.priceCapPerCollectif' },
    });
    expect(open(audeCampaign({ groupSize: { min: 8, max: 6, ruralMin: 5, disabilityMin: null } }))?.details.field).toBe(
      'parameters.groupSize.max',
    );
    expect(open(audeCampaign({ psRate: { num: 3, den: 2 } }))?.message).toBe('parameters.psRate: must not exceed 100 %');
  });

  it('R-INPUT: a patch changes at least one parameter and never the campaign identity', () => {
    expect(amend({ coordinatorMinLevel: 3 })).toBeNull();
    expect(amend({})?.message).toBe('patch: must change at least one parameter');
    expect(amend({ cafCode: '40' })).toMatchObject({
      message: 'patch.cafCode: is not an accepted field',
      details: { field: 'patch.cafCode' },
    });
  });
});

describe('bilan due dates in the parameters (R-BILAN-DUE)', () => {
  it('R-BILAN-DUE: the due dates may be left out at opening, each part nullable; a malformed date names its field', () => {
    const { bilanDueDates: _left, ...without } = audeCampaign();
    expect(open(without)).toBeNull();
    expect(open(audeCampaign({ bilanDueDates: { qualitative: null, quantitative: null, financial: null } }))).toBeNull();
    expect(open({ ...without, bilanDueDates: { qualitative: '2027-02-30', quantitative: null, financial: null } })?.details.field).toBe(
      'parameters.bilanDueDates.qualitative',
    );
    expect(open({ ...without, bilanDueDates: null })?.details.field).toBe('parameters.bilanDueDates');
    expect(amend({ bilanDueDates: { qualitative: '2027-06-28', quantitative: '2027-10-15', financial: '2027-10-15' } })).toBeNull();
    expect(amend({ bilanDueDates: { qualitative: '2027-06-28' } })?.details.field).toBe('patch.bilanDueDates.quantitative');
  });
});

describe('envelope payloads (R-INPUT, R-BUDGET-ENVELOPE)', () => {
  it('R-BUDGET-ENVELOPE: a negative or fractional envelope is malformed, naming the field', () => {
    expect(validate(setBudgetEnvelopeData, { cafCode: CAF, schoolYear: YEAR, amount: 28_000_000 })).toBeNull();
    expect(validate(setBudgetEnvelopeData, { cafCode: CAF, schoolYear: YEAR, amount: -1 })).toMatchObject({
      code: 'INVALID_INPUT',
      ruleId: 'R-INPUT',
      details: { field: 'amount' },
    });
    expect(validate(setBudgetEnvelopeData, { cafCode: CAF, schoolYear: YEAR, amount: 10.5 })?.details.field).toBe('amount');
  });

  it('R-BUDGET-ENVELOPE: an amendment is a new amount (≥ 0) or a non-zero delta, with a reason', () => {
    const amend = (change: object, reason: unknown = 'dotation complémentaire') =>
      validate(amendBudgetEnvelopeData, { cafCode: CAF, schoolYear: YEAR, change, reason });
    expect(amend({ kind: 'delta', delta: -500_000 })).toBeNull();
    expect(amend({ kind: 'amount', amount: 0 })).toBeNull();
    expect(amend({ kind: 'amount', amount: -5 })?.details.field).toBe('change.amount');
    expect(amend({ kind: 'delta', delta: 0 })?.details.field).toBe('change.delta');
    expect(amend({ kind: 'delta', amount: 5 })?.details.field).toBeDefined();
    expect(amend({ kind: 'delta', delta: 100 }, '')?.details.field).toBe('reason');
  });
});
