import { type Decider, decideOnReception, isDecision, requireContext } from '../commands/command.js';
import { type Problem, checkCommandEnvelope, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { ConventionEvent, ConventionPeriod, ConventionRef, ConventionTerms } from '../events/convention.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever, reject } from '../shared/result.js';
import { type SchoolYear, previousSchoolYear } from '../shared/school-year.js';
import type {
  ConventionCommand,
  NotifyYearlyCollectifs,
  RefuseConvention,
  RefuseConventionAmendment,
  RequestConvention,
  RequestConventionAmendment,
  SignConvention,
  TerminateConvention,
  ValidateConventionAmendment,
} from './convention.commands.js';
import type { ConventionContext } from './convention.context.js';
import { conventionPeriod, conventionPeriodRejection } from './convention-period.rule.js';
import {
  amendmentOf,
  type ConventionAmendmentState,
  type ConventionLifecycle,
  type ConventionState,
  conventionRefOf,
  evolveConvention,
  initialConventionState,
  lifecycleOf,
  periodOf,
} from './convention.state.js';

/** The convention's start date lies within its period. */
function startDateProblem(terms: ConventionTerms, period: ConventionPeriod, path: string): Problem {
  return terms.startDate < period.from || terms.startDate > period.to
    ? invalid(`${path}.startDate`, `must lie within ${period.from} – ${period.to}`, { startDate: terms.startDate })
    : null;
}

/** Operator, prior years and limits from the context, and the R-CONV-1 / R-CONV-SUPPORT check. */
function periodCheck(
  period: ConventionPeriod,
  ref: { operatorId: string; cafCode: string },
  context: ConventionContext,
  command: string,
): Decision<ConventionEvent> | null {
  const operator = requireContext(context.operator, 'operator', command);
  if (operator === null)
    return reject('OPERATOR_NOT_REGISTERED', 'R-LIFE', `operator ${ref.operatorId} is not registered`, { operatorId: ref.operatorId });
  if (operator.operatorId !== ref.operatorId)
    throw new Error(`${command}: context.operator is ${operator.operatorId}, the convention's is ${ref.operatorId}`);
  const prior = requireContext(context.priorApprovedSchoolYears, 'priorApprovedSchoolYears', command);
  const campaign = requireContext(context.campaign, 'campaign', command);
  const rejection = conventionPeriodRejection(period, operator, prior, campaign.conventions);
  return rejection ? rejectWith(rejection) : null;
}

function current(state: ConventionState, conventionId: string, expected: ConventionLifecycle[]): ConventionRef | Decision<ConventionEvent> {
  const ref = conventionRefOf(state);
  if (ref === null) return reject('CONVENTION_UNKNOWN', 'R-CONV', `convention ${conventionId} was never requested`, { conventionId });
  if (ref.conventionId !== conventionId)
    return rejectWith(invalid('conventionId', 'names another convention than this stream', { expected: ref.conventionId }));
  const status = lifecycleOf(state);
  if (!expected.includes(status)) {
    return reject('CONVENTION_NOT_IN_STATE', 'R-CONV', `convention ${conventionId} is ${status}, expected ${expected.join(' or ')}`, {
      status,
      expected,
    });
  }
  return ref;
}

function requestConvention(command: RequestConvention, state: ConventionState, context: ConventionContext): Decision<ConventionEvent> {
  const d = command.data;
  if (lifecycleOf(state) !== 'none')
    return reject('CONVENTION_ALREADY_REQUESTED', 'R-CONV', `convention ${d.conventionId} already exists`, { status: lifecycleOf(state) });
  const period = conventionPeriod(d.startSchoolYear, d.years);
  const startProblem = startDateProblem(d.terms, period, 'terms');
  if (startProblem) return rejectWith(startProblem);
  const refused = periodCheck(period, d, context, command.type);
  if (refused) return refused;
  const operator = context.operator as NonNullable<ConventionContext['operator']>;
  return accept(
    makeEvent(
      'ConventionRequested',
      {
        conventionId: d.conventionId,
        operatorId: d.operatorId,
        cafCode: d.cafCode,
        projectIds: d.projectIds,
        period,
        terms: d.terms,
        operatorKind: operator.kind,
        priorApprovedSchoolYears: context.priorApprovedSchoolYears as number,
        requestedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

function signConvention(command: SignConvention, state: ConventionState, context: ConventionContext): Decision<ConventionEvent> {
  const d = command.data;
  const ref = current(state, d.conventionId, ['requested']);
  if (isDecision(ref)) return ref;
  const requested = periodOf(state) as ConventionPeriod;
  const period = conventionPeriod(d.startSchoolYear ?? requested.startSchoolYear, d.years ?? requested.years);
  const terms = d.terms ?? (state.terms as ConventionTerms);
  const startProblem = startDateProblem(terms, period, 'terms');
  if (startProblem) return rejectWith(startProblem);
  const refused = periodCheck(period, ref, context, command.type);
  if (refused) return refused;
  return accept(makeEvent('ConventionSigned', { ...ref, period, terms, signedOn: parisDateOf(command.occurredAt) }, command.occurredAt));
}

function refuseConvention(command: RefuseConvention, state: ConventionState): Decision<ConventionEvent> {
  const d = command.data;
  const ref = current(state, d.conventionId, ['requested']);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'ConventionRefused',
      { ...ref, reason: d.reason, ruleId: d.ruleId ?? null, refusedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

const yearsOf = (period: ConventionPeriod): SchoolYear[] => {
  const first = Number(period.startSchoolYear.slice(0, 4));
  return Array.from({ length: period.years }, (_, i) => `${first + i}-${first + i + 1}` as SchoolYear);
};

function notifyYearlyCollectifs(
  command: NotifyYearlyCollectifs,
  state: ConventionState,
  context: ConventionContext,
): Decision<ConventionEvent> {
  const d = command.data;
  const collectifIds = d.collectifIds ?? [];
  // A list, when given, names every notified collectif.
  const problem: Problem =
    collectifIds.length > 0 && collectifIds.length !== d.collectifs
      ? invalid('collectifIds', `must list ${d.collectifs} collectifs or none`, { listed: collectifIds.length })
      : null;
  if (problem) return rejectWith(problem);
  const ref = current(state, d.conventionId, ['signed']);
  if (isDecision(ref)) return ref;
  const period = periodOf(state) as ConventionPeriod;
  const years = yearsOf(period);
  if (!years.includes(d.schoolYear))
    return rejectWith(invalid('schoolYear', `is not a year of the convention (${years.join(', ')})`, { schoolYear: d.schoolYear }));
  if (state.notifications[d.schoolYear] !== undefined) {
    return reject(
      'YEAR_ALREADY_NOTIFIED',
      'R-CONV-3',
      `the collectifs of ${d.schoolYear} are notified; a change goes through an amendment validated by the Caf`,
      { schoolYear: d.schoolYear },
    );
  }
  // R-CONV-2: each year after the first still needs the previous year's compliant bilan.
  let previousBilanReceived: boolean | null = null;
  if (d.schoolYear !== period.startSchoolYear) {
    previousBilanReceived = requireContext(context.previousYearBilanReceived, 'previousYearBilanReceived', command.type);
    if (!previousBilanReceived) {
      return reject(
        'PREVIOUS_BILAN_MISSING',
        'R-CONV-2',
        `the bilan of ${previousSchoolYear(d.schoolYear)} has not been received: year ${d.schoolYear} of the convention cannot go on`,
        {
          schoolYear: d.schoolYear,
          previousSchoolYear: previousSchoolYear(d.schoolYear),
        },
      );
    }
  }
  return accept(
    makeEvent(
      'YearlyCollectifsNotified',
      {
        ...ref,
        schoolYear: d.schoolYear,
        collectifs: d.collectifs,
        collectifIds,
        previousBilanReceived,
        notifiedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

function requestAmendment(command: RequestConventionAmendment, state: ConventionState): Decision<ConventionEvent> {
  const d = command.data;
  const ref = current(state, d.conventionId, ['signed']);
  if (isDecision(ref)) return ref;
  if (amendmentOf(state, d.amendmentId))
    return reject('DUPLICATE_AMENDMENT', 'R-INPUT', `amendment ${d.amendmentId} already exists`, { field: 'amendmentId' });
  const startProblem =
    d.changes.startDate === undefined
      ? null
      : startDateProblem({ ...(state.terms as ConventionTerms), ...d.changes }, periodOf(state) as ConventionPeriod, 'changes');
  if (startProblem) return rejectWith(startProblem);
  return accept(
    makeEvent(
      'ConventionAmendmentRequested',
      { ...ref, amendmentId: d.amendmentId, changes: d.changes, reason: d.reason, requestedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

/** R-CONV-3: only a requested, undecided amendment is decided, once. */
function pendingAmendment(state: ConventionState, conventionId: string, amendmentId: string): ConventionRef | Decision<ConventionEvent> {
  const ref = current(state, conventionId, ['signed']);
  if (isDecision(ref)) return ref;
  const amendment = amendmentOf(state, amendmentId);
  if (!amendment) return reject('AMENDMENT_UNKNOWN', 'R-CONV-3', `no amendment ${amendmentId} was requested`, { amendmentId });
  if (amendment.status !== 'pending')
    return reject('AMENDMENT_ALREADY_DECIDED', 'R-CONV-3', `amendment ${amendmentId} is already ${amendment.status}`, {
      amendmentId,
      status: amendment.status,
    });
  return ref;
}

function validateAmendment(command: ValidateConventionAmendment, state: ConventionState): Decision<ConventionEvent> {
  const d = command.data;
  const ref = pendingAmendment(state, d.conventionId, d.amendmentId);
  if (isDecision(ref)) return ref;
  const { changes } = amendmentOf(state, d.amendmentId) as ConventionAmendmentState;
  const terms: ConventionTerms = { ...(state.terms as ConventionTerms), ...changes };
  return accept(
    makeEvent(
      'ConventionAmendmentValidated',
      { ...ref, amendmentId: d.amendmentId, changes, terms, validatedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

function refuseAmendment(command: RefuseConventionAmendment, state: ConventionState): Decision<ConventionEvent> {
  const d = command.data;
  const ref = pendingAmendment(state, d.conventionId, d.amendmentId);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'ConventionAmendmentRefused',
      { ...ref, amendmentId: d.amendmentId, reason: d.reason, refusedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

function terminateConvention(command: TerminateConvention, state: ConventionState): Decision<ConventionEvent> {
  const d = command.data;
  const ref = current(state, d.conventionId, ['signed']);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent('ConventionTerminated', { ...ref, reason: d.reason, terminatedOn: parisDateOf(command.occurredAt) }, command.occurredAt),
  );
}

export function decideConvention(
  command: ConventionCommand,
  state: ConventionState,
  context: ConventionContext = {},
): Decision<ConventionEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'RequestConvention':
      return requestConvention(command, state, context);
    case 'SignConvention':
      return signConvention(command, state, context);
    case 'RefuseConvention':
      return refuseConvention(command, state);
    case 'NotifyYearlyCollectifs':
      return notifyYearlyCollectifs(command, state, context);
    case 'RequestConventionAmendment':
      return requestAmendment(command, state);
    case 'ValidateConventionAmendment':
      return validateAmendment(command, state);
    case 'RefuseConventionAmendment':
      return refuseAmendment(command, state);
    case 'TerminateConvention':
      return terminateConvention(command, state);
    default:
      return assertNever(command, 'convention command');
  }
}

/** Stream `convention-<conventionId>`: a multi-year Cof, its yearly notifications and amendments. */
export const conventionDecider: Decider<ConventionCommand, ConventionEvent, ConventionState, ConventionContext | undefined> = {
  initialState: () => initialConventionState(),
  evolve: evolveConvention,
  decide: (command, state, context, receivedAt) =>
    decideOnReception(command.type, receivedAt, () => decideConvention(command, state, context)),
};
