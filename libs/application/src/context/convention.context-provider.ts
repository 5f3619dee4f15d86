import {
  type ConventionCommand,
  type ConventionContext,
  type ConventionEvent,
  type ConventionOperatorFacts,
  type ConventionState,
  type SchoolYear,
  conventionDecider,
  conventionRefOf,
  isAggregateId,
  isCafCode,
  isSchoolYear,
  periodOf,
  previousSchoolYear,
} from '@clas/domain';
import { UNKNOWN_OWNER } from '../authorization.js';
import { operatorClaim, registeredOperator } from '../scope/owner-claims.js';
import { type AggregateBinding, type ContextResult, missing, provided } from './aggregate-binding.js';
import { type FactReader, bilanReceived, isApproved, priorApprovedSchoolYears } from './fact-reader.js';

/**
 * R-CONV-1 / R-CONV-SUPPORT: the operator's facts, its prior approved school years (a replay of
 * its project streams, found through the stream directory) and the limits of the campaign of
 * the first school year. The operator is registered (the bus resolved it as the owner before,
 * issue 11 §4); a first year without an open campaign is a business refusal (its limits do not
 * exist yet).
 */
async function periodFacts(
  facts: FactReader,
  operatorId: string,
  cafCode: string,
  startSchoolYear: SchoolYear,
): Promise<ContextResult<ConventionContext>> {
  const operator = await facts.operator(operatorId);
  if (operator === null) return missing('operator', operatorId);
  const campaign = await facts.campaignParameters(cafCode, startSchoolYear);
  if (campaign === null) {
    return {
      ok: false,
      failure: {
        kind: 'rejected',
        rejection: {
          code: 'CAMPAIGN_NOT_OPEN',
          ruleId: 'R-CONV-1',
          message: `no open campaign for Caf ${cafCode} in ${startSchoolYear}: the convention's limits are those of its first school year's campaign`,
          details: { cafCode, schoolYear: startSchoolYear },
        },
      },
    };
  }
  const operatorFacts: ConventionOperatorFacts = {
    operatorId: operator.operatorId,
    cafCode: operator.cafCode,
    kind: operator.kind,
    cafApproval: operator.cafApproval,
  };
  const projects = await facts.projectsOfOperator(operatorId);
  return provided({ operator: operatorFacts, priorApprovedSchoolYears: priorApprovedSchoolYears(projects, startSchoolYear), campaign });
}

/**
 * R-CONV-2: the bilans of the year before the notified one were received — for every project of
 * that year that the convention covers or that the operator had approved in the convention's
 * Caf (renewals of later years are not listed in the request). No such project = not received.
 */
async function previousYearBilanReceived(facts: FactReader, state: ConventionState, schoolYear: SchoolYear): Promise<boolean> {
  const ref = conventionRefOf(state);
  if (ref === null) return false;
  const { operatorId, cafCode } = ref;
  const projectIds = state.requested?.projectIds ?? [];
  const previous = previousSchoolYear(schoolYear);
  const projects = (await facts.projectsOfOperator(operatorId)).filter(
    (p) =>
      p.ref !== null &&
      p.ref.cafCode === cafCode &&
      p.ref.schoolYear === previous &&
      (projectIds.includes(p.ref.projectId) || isApproved(p)),
  );
  return projects.length > 0 && projects.every(bilanReceived);
}

async function conventionContext(
  command: ConventionCommand,
  state: ConventionState,
  facts: FactReader,
): Promise<ContextResult<ConventionContext>> {
  switch (command.type) {
    case 'RequestConvention': {
      const d = command.data;
      // Malformed keys: the decider's input checks run before it reads the context and name the field.
      if (!isAggregateId(d.operatorId) || !isCafCode(d.cafCode) || !isSchoolYear(d.startSchoolYear)) return provided({});
      return periodFacts(facts, d.operatorId, d.cafCode, d.startSchoolYear);
    }
    case 'SignConvention': {
      const ref = conventionRefOf(state);
      const period = periodOf(state);
      if (ref === null || period === null) return provided({});
      const start = command.data.startSchoolYear ?? period.startSchoolYear;
      if (!isSchoolYear(start)) return provided({});
      return periodFacts(facts, ref.operatorId, ref.cafCode, start);
    }
    case 'NotifyYearlyCollectifs': {
      const year = command.data.schoolYear;
      if (!isSchoolYear(year)) return provided({});
      return provided({ previousYearBilanReceived: await previousYearBilanReceived(facts, state, year) });
    }
    default:
      return provided({});
  }
}

/** `convention-<id>`: a multi-year Cof, its yearly notifications and amendments. */
export const conventionBinding: AggregateBinding<ConventionCommand, ConventionEvent, ConventionState, ConventionContext | undefined> = {
  kind: 'convention',
  decider: conventionDecider,
  creates: new Set(['RequestConvention']),
  ownerOf: (state) => {
    const ref = conventionRefOf(state);
    return ref === null ? null : { cafCode: ref.cafCode, operatorId: ref.operatorId };
  },
  // A convention is requested for a registered operator within the Caf it is registered with (issue 11 §4).
  claimedOwner: (command) => (command.type === 'RequestConvention' ? operatorClaim(command.data) : UNKNOWN_OWNER),
  resolveOwner: (_command, claimed, facts) => registeredOperator(claimed, facts),
  context: conventionContext,
};
