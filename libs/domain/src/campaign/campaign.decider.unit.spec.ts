import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { CAF, YEAR, audeCampaign, d, paris } from '../testing/fixtures.js';
import { specification } from '../testing/specification.js';
import type { CampaignCommand } from './campaign.commands.js';
import { campaignDecider } from './campaign.decider.js';

const spec = specification(campaignDecider);
const opened = makeEvent(
  'CampaignOpened',
  { cafCode: CAF, schoolYear: YEAR, parameters: audeCampaign(), openedOn: d('2026-04-01') },
  paris('2026-04-01'),
);
const open = (parameters = audeCampaign()): CampaignCommand => ({
  type: 'OpenCampaign',
  commandId: 'c1',
  occurredAt: paris('2026-04-01'),
  data: { parameters },
});

describe('campaign decider', () => {
  it('a Caf opens its campaign with the full parameter set', () => {
    spec.given([]).when(open()).then([opened]);
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
