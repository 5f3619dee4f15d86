import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { CAF, YEAR, audeCampaign, d, paris } from '../testing/fixtures.js';
import { specification } from '../testing/specification.js';
import type { CampaignCommand, OpenCampaign } from './campaign.commands.js';
import { campaignDecider } from './campaign.decider.js';

const spec = specification(campaignDecider);
const opened = makeEvent(
  'CampaignOpened',
  { cafCode: CAF, schoolYear: YEAR, parameters: audeCampaign(), openedOn: d('2026-04-01') },
  paris('2026-04-01'),
);
const open = (parameters: OpenCampaign['data']['parameters'] = audeCampaign()): CampaignCommand => ({
  type: 'OpenCampaign',
  commandId: 'c1',
  occurredAt: paris('2026-04-01'),
  data: { parameters },
});

describe('campaign decider', () => {
  it('a Caf opens its campaign with the full parameter set', () => {
    spec.given([]).when(open()).then([opened]);
  });

  it('R-BILAN-DUE: a campaign opened without bilan due dates records none (no part is ever late); an amendment sets them', () => {
    const { bilanDueDates: _none, ...withoutDueDates } = audeCampaign();
    const [event] = spec.given([]).when(open(withoutDueDates)).thenAccepted();
    expect(event).toMatchObject({
      type: 'CampaignOpened',
      data: { parameters: { bilanDueDates: { qualitative: null, quantitative: null, financial: null } } },
    });
    const dueDates = { qualitative: d('2027-06-28'), quantitative: d('2027-10-15'), financial: d('2027-10-15') };
    const amend: CampaignCommand = {
      type: 'AmendCampaignParameters',
      commandId: 'c-due',
      occurredAt: paris('2026-05-10'),
      data: { cafCode: CAF, schoolYear: YEAR, patch: { bilanDueDates: dueDates }, reason: 'dates de remise des bilans votées' },
    };
    const [amended] = spec.given([event!]).when(amend).thenAccepted();
    const state = spec.given([event!, amended!]).state;
    expect(state.status === 'open' && state.parameters.bilanDueDates).toEqual(dueDates);
  });

  it('R-LIFE: opening the same campaign twice is rejected', () => {
    spec.given([opened]).when(open()).thenRejected('CAMPAIGN_ALREADY_OPEN', 'R-LIFE');
  });

  it('amending replaces whole fields and keeps the reason; the state holds the parameters in force', () => {
    const amend: CampaignCommand = {
      type: 'AmendCampaignParameters',
      commandId: 'c2',
      occurredAt: paris('2026-05-10'),
      data: {
        cafCode: CAF,
        schoolYear: YEAR,
        patch: { deadlines: { newApplication: d('2026-08-31'), renewal: d('2026-06-28') } },
        reason: 'deadline extended by the board',
      },
    };
    const [amended] = spec.given([opened]).when(amend).thenAccepted();
    expect(amended).toEqual(
      makeEvent(
        'CampaignParametersAmended',
        { cafCode: CAF, schoolYear: YEAR, patch: amend.data.patch, reason: 'deadline extended by the board', amendedOn: d('2026-05-10') },
        paris('2026-05-10'),
      ),
    );
    const state = spec.given([opened, amended]).state;
    expect(state.status === 'open' && state.parameters.deadlines.newApplication).toBe('2026-08-31');
    expect(state.status === 'open' && state.parameters.priceCapPerCollectif).toBe(865200);
  });

  it('R-LIFE: amending an unopened campaign is rejected', () => {
    const amend: CampaignCommand = {
      type: 'AmendCampaignParameters',
      commandId: 'c3',
      occurredAt: paris('2026-05-10'),
      data: { cafCode: CAF, schoolYear: YEAR, patch: { coordinatorMinLevel: 3 }, reason: 'typo' },
    };
    spec.given([]).when(amend).thenRejected('CAMPAIGN_NOT_OPEN', 'R-LIFE');
  });
});

describe('R-BUDGET-ENVELOPE: the envelope of a Caf × school year', () => {
  const envelopeCommand = (type: 'SetBudgetEnvelope' | 'AmendBudgetEnvelope', day: string, data: object): CampaignCommand =>
    ({ type, commandId: `${type}-${day}`, occurredAt: paris(day), data: { cafCode: CAF, schoolYear: YEAR, ...data } }) as CampaignCommand;
  const set = envelopeCommand('SetBudgetEnvelope', '2026-06-15', { amount: 28_000_000 });
  const envelopeSet = makeEvent(
    'BudgetEnvelopeSet',
    { cafCode: CAF, schoolYear: YEAR, amount: 28_000_000, setOn: d('2026-06-15') },
    paris('2026-06-15'),
  );

  it('R-BUDGET-ENVELOPE: a Caf agent sets the envelope of an open campaign once; a second set is refused (amend instead)', () => {
    spec.given([opened]).when(set).then([envelopeSet]);
    spec.given([opened, envelopeSet]).when(set).thenRejected('ENVELOPE_ALREADY_SET', 'R-BUDGET-ENVELOPE');
    spec.given([]).when(set).thenRejected('CAMPAIGN_NOT_OPEN', 'R-LIFE');
    expect(spec.given([opened]).state).toMatchObject({ envelope: null });
    expect(spec.given([opened, envelopeSet]).state).toMatchObject({ envelope: 28_000_000 });
  });

  it('R-BUDGET-ENVELOPE: an amendment gives a new amount or a delta, with its reason; the event keeps both amounts', () => {
    const reason = 'dotation complémentaire';
    const [byDelta] = spec
      .given([opened, envelopeSet])
      .when(envelopeCommand('AmendBudgetEnvelope', '2027-01-20', { change: { kind: 'delta', delta: 1_500_000 }, reason }))
      .thenAccepted();
    expect(byDelta).toEqual(
      makeEvent(
        'BudgetEnvelopeAmended',
        {
          cafCode: CAF,
          schoolYear: YEAR,
          previousAmount: 28_000_000,
          amount: 29_500_000,
          delta: 1_500_000,
          reason,
          amendedOn: d('2027-01-20'),
        },
        paris('2027-01-20'),
      ),
    );
    const [byAmount] = spec
      .given([opened, envelopeSet, byDelta])
      .when(
        envelopeCommand('AmendBudgetEnvelope', '2027-03-01', { change: { kind: 'amount', amount: 27_000_000 }, reason: 'gel de crédits' }),
      )
      .thenAccepted();
    expect(byAmount.data).toMatchObject({ previousAmount: 29_500_000, amount: 27_000_000, delta: -2_500_000 });
    expect(spec.given([opened, envelopeSet, byDelta, byAmount]).state).toMatchObject({ envelope: 27_000_000 });
  });

  it('R-BUDGET-ENVELOPE: no amendment without an envelope, below zero, or to the amount in force', () => {
    const amend = (change: object) => envelopeCommand('AmendBudgetEnvelope', '2027-01-20', { change, reason: 'r' });
    spec
      .given([opened])
      .when(amend({ kind: 'delta', delta: 100 }))
      .thenRejected('NO_ENVELOPE', 'R-BUDGET-ENVELOPE');
    const below = spec
      .given([opened, envelopeSet])
      .when(amend({ kind: 'delta', delta: -28_000_001 }))
      .thenRejected('ENVELOPE_BELOW_ZERO', 'R-BUDGET-ENVELOPE');
    expect(below.details).toMatchObject({ field: 'change.delta', envelope: 28_000_000 });
    spec
      .given([opened, envelopeSet])
      .when(amend({ kind: 'amount', amount: 28_000_000 }))
      .thenRejected('INVALID_INPUT', 'R-INPUT');
  });
});
