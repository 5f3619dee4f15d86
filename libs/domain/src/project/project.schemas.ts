import { distinctBy, idList, placeSchema, positiveCents, dateRangeSchema } from '../commands/shared.schemas.js';
import { isDocumentHash } from './letters.js';
import {
  ACTIVITY_TYPES,
  AGREEMENT_SIGNATORY_ROLES,
  BONUS_ENFANTS_CRITERIA,
  BONUS_PARENTS_CRITERIA,
  CO_FUNDER_KINDS,
  COLLECTIF_LEVELS,
  CONCERTATION_MOMENTS,
  NOT_RECEIVABLE_REASONS,
  NOTIFICATION_CHANNELS,
  OBJECTIVE_CODES,
  PARENT_OBJECTIVES,
  PARTNER_KINDS,
  SCHOOL_CYCLES,
  SCHOOL_OBJECTIVES,
  SESSION_KINDS,
  WEEKDAYS,
} from '../events/vocabulary.js';
import {
  bool,
  cafCode,
  cents,
  clockTime,
  id,
  int,
  list,
  localDate,
  named,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  scalar,
  schoolYear,
  text,
  union,
  withMeta,
} from '../schema/schema.js';

/**
 * Project payloads. Only malformed content is refused here: content that is well-formed but
 * falls short of a criterion (a missing objective, 14 planned children, one weekly session) is
 * recorded and left to eligibility, which evaluates planned facts (§3). Examples: worked
 * example 1 of domain.md §9 (Aude 2026-2027, 2 urban collectifs, 18 000 €).
 */

/** Who a project belongs to: the commands that may open the stream carry it, so the bus checks the actor's scope against it. */
const projectRef = { projectId: id(), operatorId: id(), cafCode: cafCode(), schoolYear: schoolYear() };

const plannedCollectif = named(
  'PlannedCollectif',
  object({
    ref: withMeta(id(), { description: 'Names the collectif inside the application (decisions approve refs)', example: 'c1' }),
    place: named('Place', placeSchema),
    level: oneOf(COLLECTIF_LEVELS),
    rural: bool(),
    disabilityNeeds: withMeta(bool(), {
      description: 'R-ELIG-COLLECTIVE (Aude): the group includes a child with a disability needing reinforced attention',
    }),
    plannedChildren: withMeta(int(1, 100), { example: 10 }),
  }),
);
const plannedCollectifs = distinctBy(list(plannedCollectif, { min: 1, max: 50 }), 'ref');

const coFunders = list(named('CoFunder', object({ name: text(300), kind: oneOf(CO_FUNDER_KINDS), amount: cents() })));

/** The forecast budget (R-PS-FORMULA takes C = totalOperatingCost; R-PS-80 takes otherCafFunding). */
const budget = named(
  'ApplicationBudget',
  object({
    totalOperatingCost: withMeta(positiveCents(cents()), { description: 'C of R-PS-FORMULA, integer cents', example: 1_800_000 }),
    coFunders,
    otherCafFunding: withMeta(cents(), { description: 'Caf funding other than the PS and bonuses (local Caf funds)' }),
    familyFeePerChild: withMeta(cents(), { description: 'R-ELIG-CHARTER: family contribution per child and year (0 = free)' }),
  }),
);

/** R-PS-BONUS: each bonus asked for with its year-long project and at least one criterion, or null. */
const bonusRequests = named(
  'BonusRequests',
  object({
    enfants: nullable(
      named(
        'BonusEnfantsRequest',
        object({
          filRouge: text(4000),
          criteria: list(oneOf(BONUS_ENFANTS_CRITERIA), { min: 1, max: BONUS_ENFANTS_CRITERIA.length, unique: { what: 'criterion' } }),
          justification: text(4000),
        }),
      ),
    ),
    parents: nullable(
      named(
        'BonusParentsRequest',
        object({
          supportProject: text(4000),
          criteria: list(oneOf(BONUS_PARENTS_CRITERIA), { min: 1, max: BONUS_PARENTS_CRITERIA.length, unique: { what: 'criterion' } }),
          justification: text(4000),
        }),
      ),
    ),
  }),
);

/** R-LIFE-5: planned running period (recommended: after Toussaint until 15 June); inside the school year applied for (the decider checks it). */
const plannedPeriod = named('PlannedPeriod', dateRangeSchema);

/** The full content of an application: everything eligibility and the PS forecast evaluate. */
export const applicationContentSchema = named(
  'ApplicationContent',
  object({
    title: withMeta(text(300), { example: 'Coup de pouce Jean-Jaurès' }),
    schoolCycle: oneOf(SCHOOL_CYCLES),
    territory: named(
      'Territory',
      object({
        commune: text(200),
        epci: nullable(text(200)),
        rural: bool(),
        qpv: withMeta(bool(), { description: 'Quartier prioritaire de la politique de la ville' }),
      }),
    ),
    collectifs: plannedCollectifs,
    schedule: withMeta(
      list(
        named('PlannedSession', object({ weekday: oneOf(WEEKDAYS), start: clockTime(), minutes: int(1, 600), kind: oneOf(SESSION_KINDS) })),
        { min: 1, max: 21 },
      ),
      {
        description: 'R-ELIG-RHYTHM: the weekly schedule the operator commits to',
      },
    ),
    plannedPeriod,
    plannedWeeks: withMeta(int(1, 53), { description: 'R-ELIG-RHYTHM: planned weeks of activity', example: 30 }),
    objectives: withMeta(
      distinctBy(list(named('ObjectiveStatement', object({ code: oneOf(OBJECTIVE_CODES), description: text(4000) }))), 'code'),
      {
        description: 'R-ELIG-AXES: each operational objective with how the project meets it',
      },
    ),
    activityTypes: list(oneOf(ACTIVITY_TYPES), { min: 1, max: ACTIVITY_TYPES.length, unique: { what: 'activity type' } }),
    budget,
    bonusRequests,
  }),
);

export const draftProjectData = object({ ...projectRef, title: text(300), schoolCycle: oneOf(SCHOOL_CYCLES) });

/** A full application, new or renewal (a renewal with more changes than R-LIFE-4 allows is a full file); a renewal names the project it renews. */
export const fileApplicationData = refine(
  object({
    ...projectRef,
    applicationKind: oneOf(['new', 'renewal'] as const),
    previousProjectId: optional(id()),
    content: applicationContentSchema,
  }),
  (d) =>
    d.applicationKind === 'renewal' && d.previousProjectId === undefined
      ? { path: 'previousProjectId', message: 'must be an id of at most 100 characters (letters, digits, - _ . :)' }
      : null,
);

/**
 * R-LIFE-4: a renewal "à l'identique" or with a change in the number of collectifs (same places,
 * same age ranges): the reduced content below; the rest is carried over from the previous project.
 */
export const fileShortRenewalData = object({
  ...projectRef,
  previousProjectId: id(),
  collectifs: plannedCollectifs,
  budget,
  plannedPeriod,
  plannedWeeks: optional(int(1, 53)),
  bonusRequests: optional(bonusRequests),
});

/** R-LIFE-1: a Caf agent records that a file is not receivable (the full ref: a late paper file may never have opened the stream). */
export const declareNotReceivableData = object({
  ...projectRef,
  reason: oneOf(NOT_RECEIVABLE_REASONS),
  ruleId: withMeta(text(40), { example: 'R-LIFE-1' }),
  explanation: text(4000),
});

export const withdrawApplicationData = object({ projectId: id(), reason: text(4000) });
export const openExaminationData = object({ projectId: id() });

const bonusGrant = nullable(named('BonusGrant', object({ collectifs: int(1, 50) })));
/** R-PS-BONUS: each bonus granted on some collectifs, or null (only a requested bonus can be granted). */
const bonusesGranted = named('BonusesGranted', object({ enfants: bonusGrant, parents: bonusGrant }));
const approvedCollectifRefs = withMeta(list(id(), { max: 50, unique: { what: 'collectif ref' } }), {
  description: 'Required when fewer collectifs are approved than planned',
});
const forecastOperatingCost = withMeta(positiveCents(cents()), {
  description: 'The operating cost the PS forecast is computed on, integer cents',
});

/** `decision` is a union on `outcome`: each outcome accepts only its own fields (an approval with `reasons` is refused). */
export const decisionTermsSchema = union('outcome', {
  approved: named(
    'ApprovalTerms',
    object({
      outcome: oneOf(['approved'] as const),
      approvedCollectifs: int(1, 50),
      approvedCollectifRefs: optional(approvedCollectifRefs),
      bonusesGranted,
      forecastOperatingCost,
    }),
  ),
  refused: named(
    'RefusalTerms',
    object({
      outcome: oneOf(['refused'] as const),
      reasons: list(named('RefusalReason', object({ code: text(80), ruleId: optional(nullable(text(40))), text: text(4000) })), { min: 1 }),
    }),
  ),
});

/** R-BUDGET-ENVELOPE: the committee knowingly decides beyond the envelope; the reason is kept with the figures of the moment. */
const envelopeOverride = optional(
  named(
    'EnvelopeOverride',
    object({
      reason: withMeta(text(4000), {
        description: 'Why the committee approves beyond the Caf’s envelope (kept in the audit trail)',
        example: 'Projet prioritaire en QPV, crédits complémentaires demandés au conseil d’administration',
      }),
    }),
    { description: 'R-BUDGET-ENVELOPE: required when the decision would exceed the envelope, refused otherwise' },
  ),
);

/** R-COMMITTEE-MEETING: taken in a held meeting of the project's committee, whose date the event keeps as meetingDate. */
export const recordCommitteeDecisionData = object({
  projectId: id(),
  decisionId: id(),
  meetingId: withMeta(id(), {
    description: 'The held meeting of committee-<caf>-<schoolYear> that examined the file',
    example: 'cttee-2026-10-05',
  }),
  effectiveDate: localDate(),
  decision: decisionTermsSchema,
  envelopeOverride,
});

/** Worked example 3: corrected fields of an approval, each given in full, effective from the original decision date. */
export const correctCommitteeDecisionData = object({
  projectId: id(),
  decisionId: id(),
  reason: text(4000),
  changes: named(
    'DecisionChanges',
    object({
      approvedCollectifs: optional(int(1, 50)),
      approvedCollectifRefs: optional(approvedCollectifRefs),
      bonusesGranted: optional(bonusesGranted),
      forecastOperatingCost: optional(forecastOperatingCost),
    }),
  ),
  envelopeOverride,
});

export const recordParentActionData = object({
  projectId: id(),
  actionId: id(),
  objective: oneOf(PARENT_OBJECTIVES),
  date: localDate(),
  parentsReached: int(0, 10000),
  collectifIds: optional(idList(id(), 'collectif id')),
  description: text(4000),
});
export const recordSchoolConcertationData = object({
  projectId: id(),
  concertationId: id(),
  objective: oneOf(SCHOOL_OBJECTIVES),
  moment: oneOf(CONCERTATION_MOMENTS),
  date: localDate(),
  schools: list(text(300), { min: 1 }),
});
export const recordPartnerRelationData = object({
  projectId: id(),
  relationId: id(),
  partnerName: text(300),
  partnerKind: oneOf(PARTNER_KINDS),
  date: localDate(),
  description: text(4000),
});

const count = () => int(0, 1_000_000);
/** R-BILAN-2: the operator's declared figures (the system recomputes its own from the events). */
const bilanQuantitative = named(
  'BilanQuantitative',
  object({
    collectifsRun: count(),
    childrenEnrolled: object({ primary: count(), college: count(), lycee: count() }),
    arrivals: count(),
    departures: count(),
    sessionsHeld: count(),
    minutesHeld: count(),
    weeksOfActivity: int(0, 53),
    attendance: refine(object({ present: count(), expected: count() }), (a) =>
      a.present > a.expected ? { path: 'present', message: `must not exceed expected (${a.expected})` } : null,
    ),
    parentsReached: count(),
  }),
);
const bilanQualitative = named(
  'BilanQualitative',
  object({
    summary: text(20_000),
    objectives: list(named('ObjectiveAssessment', object({ code: oneOf(OBJECTIVE_CODES), assessment: text(4000) }))),
  }),
);
/** R-BILAN-3. */
const bilanFinancial = named(
  'BilanFinancial',
  object({ actualTotalCost: cents(), coFunders, cafAmountsReceived: cents(), otherCafFunding: cents() }),
);

export const fileBilanData = object({
  projectId: id(),
  bilanId: id(),
  quantitative: bilanQuantitative,
  qualitative: bilanQualitative,
  financial: bilanFinancial,
});
export const validateBilanData = object({ projectId: id(), bilanId: id() });
export const returnBilanForCorrectionData = object({ projectId: id(), bilanId: id(), reasons: list(text(4000), { min: 1 }) });

/** R-PS-PAYMENTS: amounts come from the PS rules (GET …/ps); the decider only checks order and ledger sense. */
export const payAdvanceData = object({ projectId: id(), paymentId: id(), amount: positiveCents(cents()) });
export const payBalanceData = object({ projectId: id(), paymentId: id(), amount: positiveCents(cents()) });
export const issueRecoveryData = object({ projectId: id(), recoveryId: id(), amount: positiveCents(cents()), reason: text(4000) });

/** SHA-256 of a rendered PDF, lower-case hex (what `GET …/letters` and `…/agreement` report). */
const documentHash = withMeta(
  scalar<string>(isDocumentHash, 'must be a SHA-256 in lower-case hex (64 characters)', { type: 'string', pattern: '^[0-9a-f]{64}$' }),
  { description: 'SHA-256 of the PDF as rendered by the API', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
);

/** R-NOTIFY: a decision letter was sent (occurredAt = when it went); the recipient is an opaque id, never a name or an address. */
export const recordNotificationSentData = object({
  projectId: id(),
  letterId: withMeta(id(), { description: 'As listed by GET /projects/{id}/letters', example: 'dec-1' }),
  channel: oneOf(NOTIFICATION_CHANNELS),
  recipientId: withMeta(id(), { description: 'Opaque id of the recipient (no personal data in the log)', example: 'rcpt-op-1' }),
  documentHash,
});

/** R-AGREEMENT-ANNUAL: the operator signed the annual agreement (occurredAt = the signature). */
export const recordAgreementSignedData = object({
  projectId: id(),
  signatoryRole: oneOf(AGREEMENT_SIGNATORY_ROLES),
  documentHash,
});
