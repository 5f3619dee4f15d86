import { type Decider, decideOnReception } from '../commands/command.js';
import { checkCommandEnvelope, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { CampaignEvent } from '../events/campaign.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever, reject } from '../shared/result.js';
import type {
  AmendBudgetEnvelope,
  AmendCampaignParameters,
  CampaignCommand,
  OpenCampaign,
  SetBudgetEnvelope,
} from './campaign.commands.js';
import { type CampaignParameters, NO_BILAN_DUE_DATES } from './campaign-parameters.js';
import { type CampaignState, evolveCampaign, initialCampaignState } from './campaign.state.js';

function openCampaign(command: OpenCampaign, state: CampaignState): Decision<CampaignEvent> {
  // The parameters' shape and bounds are the schema's (campaign.schemas.ts, checked by the command bus).
  // A campaign opened without bilan due dates has none (R-BILAN-DUE): the event always carries them.
  const parameters: CampaignParameters = {
    ...command.data.parameters,
    bilanDueDates: command.data.parameters.bilanDueDates ?? NO_BILAN_DUE_DATES,
  };
  if (state.status !== 'not_opened') {
    return reject(
      'CAMPAIGN_ALREADY_OPEN',
      'R-LIFE',
      `the campaign ${parameters.cafCode} ${parameters.schoolYear} is already open; amend its parameters instead`,
      {
        cafCode: parameters.cafCode,
        schoolYear: parameters.schoolYear,
      },
    );
  }
  return accept(
    makeEvent(
      'CampaignOpened',
      { cafCode: parameters.cafCode, schoolYear: parameters.schoolYear, parameters, openedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

type OpenCampaignState = Extract<CampaignState, { status: 'open' }>;

/** The open campaign the command names, or why not (`what` says what the command wanted to do). */
function openCampaignNamed(
  d: { cafCode: string; schoolYear: string },
  state: CampaignState,
  what: string,
): OpenCampaignState | Decision<CampaignEvent> {
  if (state.status !== 'open') {
    return reject('CAMPAIGN_NOT_OPEN', 'R-LIFE', `no campaign ${d.cafCode} ${d.schoolYear} to ${what}`, {
      cafCode: d.cafCode,
      schoolYear: d.schoolYear,
    });
  }
  if (state.cafCode !== d.cafCode || state.schoolYear !== d.schoolYear) {
    return reject('WRONG_CAMPAIGN', 'R-INPUT', 'the command names another campaign than this stream', {
      field: 'cafCode',
      expected: `${state.cafCode} ${state.schoolYear}`,
    });
  }
  return state;
}

const isOpen = (s: OpenCampaignState | Decision<CampaignEvent>): s is OpenCampaignState => 'status' in s;

function amendParameters(command: AmendCampaignParameters, state: CampaignState): Decision<CampaignEvent> {
  const d = command.data;
  const open = openCampaignNamed(d, state, 'amend');
  if (!isOpen(open)) return open;
  return accept(
    makeEvent(
      'CampaignParametersAmended',
      { cafCode: d.cafCode, schoolYear: d.schoolYear, patch: d.patch, reason: d.reason, amendedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

/** R-BUDGET-ENVELOPE: recorded once per Caf × year; a later change is an amendment, so the history keeps each figure and its reason. */
function setBudgetEnvelope(command: SetBudgetEnvelope, state: CampaignState): Decision<CampaignEvent> {
  const d = command.data;
  const open = openCampaignNamed(d, state, 'give an envelope');
  if (!isOpen(open)) return open;
  if (open.envelope !== null) {
    return reject(
      'ENVELOPE_ALREADY_SET',
      'R-BUDGET-ENVELOPE',
      'the envelope of this campaign is already recorded; amend it with a reason',
      {
        envelope: open.envelope,
      },
    );
  }
  return accept(
    makeEvent(
      'BudgetEnvelopeSet',
      { cafCode: d.cafCode, schoolYear: d.schoolYear, amount: d.amount, setOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

function amendBudgetEnvelope(command: AmendBudgetEnvelope, state: CampaignState): Decision<CampaignEvent> {
  const d = command.data;
  const open = openCampaignNamed(d, state, 'amend the envelope of');
  if (!isOpen(open)) return open;
  if (open.envelope === null) {
    return reject('NO_ENVELOPE', 'R-BUDGET-ENVELOPE', 'no envelope is recorded for this campaign: set it first', {
      cafCode: d.cafCode,
      schoolYear: d.schoolYear,
    });
  }
  const previousAmount = open.envelope;
  const amount = d.change.kind === 'amount' ? d.change.amount : previousAmount + d.change.delta;
  if (amount < 0) {
    return reject('ENVELOPE_BELOW_ZERO', 'R-BUDGET-ENVELOPE', `a cut of ${-amount} cents more than the envelope in force`, {
      field: 'change.delta',
      envelope: previousAmount,
      delta: d.change.kind === 'delta' ? d.change.delta : null,
    });
  }
  if (amount === previousAmount)
    return rejectWith(invalid('change.amount', 'is the amount already in force', { envelope: previousAmount }));
  return accept(
    makeEvent(
      'BudgetEnvelopeAmended',
      {
        cafCode: d.cafCode,
        schoolYear: d.schoolYear,
        previousAmount,
        amount,
        delta: amount - previousAmount,
        reason: d.reason,
        amendedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

export function decideCampaign(command: CampaignCommand, state: CampaignState): Decision<CampaignEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'OpenCampaign':
      return openCampaign(command, state);
    case 'AmendCampaignParameters':
      return amendParameters(command, state);
    case 'SetBudgetEnvelope':
      return setBudgetEnvelope(command, state);
    case 'AmendBudgetEnvelope':
      return amendBudgetEnvelope(command, state);
    default:
      return assertNever(command, 'campaign command');
  }
}

/** Stream `campaign-<caf>-<schoolYear>`. Needs no facts from other streams. */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState, undefined> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: (command, state, _context, receivedAt) => decideOnReception(command.type, receivedAt, () => decideCampaign(command, state)),
};
