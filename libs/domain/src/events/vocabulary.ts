/**
 * The closed vocabularies events and commands use. Each list is a runtime constant (so the
 * deciders can reject unknown values, R-INPUT) and a type (so the compiler checks switches).
 * Values are stable machine codes stored in the log: renaming one is a schema change.
 */

/** R-LIFE-3: one project = one school cycle. */
export const SCHOOL_CYCLES = ['primary', 'secondary'] as const;
export type SchoolCycle = (typeof SCHOOL_CYCLES)[number];

/** The level a collectif works with: école (primary), collège or lycée (the last two form the secondary cycle). */
export const COLLECTIF_LEVELS = ['primary', 'college', 'lycee'] as const;
export type CollectifLevel = (typeof COLLECTIF_LEVELS)[number];

export function cycleOfLevel(level: CollectifLevel): SchoolCycle {
  return level === 'primary' ? 'primary' : 'secondary';
}

/** R-ELIG-PUBLIC: from CP to Terminale, in school order. */
export const SCHOOL_LEVELS = ['CP', 'CE1', 'CE2', 'CM1', 'CM2', '6e', '5e', '4e', '3e', '2nde', '1re', 'Terminale'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export function collectifLevelOf(level: SchoolLevel): CollectifLevel {
  const index = SCHOOL_LEVELS.indexOf(level);
  return index < 5 ? 'primary' : index < 9 ? 'college' : 'lycee';
}

/** R-ELIG-AXES: the 14 operational objectives over the four axes (children, parents, school, territory). */
export const OBJECTIVE_CODES = ['E1', 'E2', 'E3', 'E4', 'E5', 'P1', 'P2', 'P3', 'P4', 'P5', 'S1', 'S2', 'S3', 'T1'] as const;
export type ObjectiveCode = (typeof OBJECTIVE_CODES)[number];
export const PARENT_OBJECTIVES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type ParentObjective = (typeof PARENT_OBJECTIVES)[number];
export const SCHOOL_OBJECTIVES = ['S1', 'S2', 'S3'] as const;
export type SchoolObjective = (typeof SCHOOL_OBJECTIVES)[number];

/**
 * What a session (or a planned programme) does. `homework_help` alone is not eligible
 * (R-ELIG-NOT-HOMEWORK); `sport` is excluded by some campaigns (R-ELIG-NO-SPORT).
 */
export const ACTIVITY_TYPES = [
  'homework_help',
  'methodology',
  'reading_writing',
  'cultural',
  'artistic',
  'playful',
  'scientific',
  'digital',
  'outing',
  'sport',
  'parent_child',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** R-ELIG-NOT-HOMEWORK: nothing but homework help (the "pédagogie du détour" is missing). */
export function isHomeworkOnly(types: readonly ActivityType[]): boolean {
  return types.length > 0 && types.every((t) => t === 'homework_help');
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Who a session is for: the children, their parents, or both together. */
export const SESSION_KINDS = ['children', 'parents', 'shared'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** R-ELIG-PUBLIC: who oriented the child to the Clas. */
export const ORIENTED_BY = ['teacher', 'cpe', 'social_worker', 'educator', 'family', 'other'] as const;
export type OrientedBy = (typeof ORIENTED_BY)[number];

export const CHILD_DEPARTURE_REASONS = ['moved', 'family_choice', 'school_change', 'needs_met', 'excluded', 'other'] as const;
export type ChildDepartureReason = (typeof CHILD_DEPARTURE_REASONS)[number];

export const STAFF_STATUSES = ['professional', 'volunteer'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const OPERATOR_KINDS = ['association', 'collectivite', 'centre_social'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/** R-ELIG-OPERATOR: operator-level declarations (the criminal-record check is per staff member). */
export const DECLARATION_KINDS = ['insurance', 'laicite_charter'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/** R-BILAN-3 / R-ELIG-COFUNDING: who else pays. */
export const CO_FUNDER_KINDS = [
  'commune',
  'epci',
  'departement',
  'region',
  'state',
  'politique_de_la_ville',
  'msa',
  'family_contributions',
  'own_funds',
  'other',
] as const;
export type CoFunderKind = (typeof CO_FUNDER_KINDS)[number];

/** R-PS-BONUS: bonus enfants needs a fil rouge AND at least one of these. */
export const BONUS_ENFANTS_CRITERIA = ['educational_equipment', 'paid_external_speakers', 'outings_cultural_sport_projects'] as const;
export type BonusEnfantsCriterion = (typeof BONUS_ENFANTS_CRITERIA)[number];

/** R-PS-BONUS: bonus parents needs a parent-support project AND at least one of these. */
export const BONUS_PARENTS_CRITERIA = ['specific_parent_actions', 'paid_external_speakers', 'targeted_public'] as const;
export type BonusParentsCriterion = (typeof BONUS_PARENTS_CRITERIA)[number];

/** R-ELIG-AXES S3: a concertation before the start AND at the bilan. */
export const CONCERTATION_MOMENTS = ['before_start', 'during', 'at_bilan'] as const;
export type ConcertationMoment = (typeof CONCERTATION_MOMENTS)[number];

/** T1 and the local schemes of domain.md §1. */
export const PARTNER_KINDS = [
  'association',
  'municipal_service',
  'library',
  'reaap',
  'pre',
  'pedt',
  'pel',
  'cite_educative',
  'ctg',
  'social_services',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const NOT_RECEIVABLE_REASONS = ['filed_after_deadline', 'incomplete_file', 'not_eligible_operator', 'other'] as const;
export type NotReceivableReason = (typeof NOT_RECEIVABLE_REASONS)[number];

/** Wall-clock time in Europe/Paris, 'HH:MM' (24 h). */
export type ClockTime = string;

/**
 * A rule that did not refuse but wants to be seen (R-LIFE-5, R-ELIG-NOT-HOMEWORK, …):
 * recorded inside the accepted event so auditors see what was known when it was accepted.
 */
export interface DomainWarning {
  ruleId: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** R-NOTIFY: how a decision letter reached the operator. */
export const NOTIFICATION_CHANNELS = ['email', 'post', 'portal'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** R-AGREEMENT-ANNUAL: who signed the annual Clas agreement for the operator. */
export const AGREEMENT_SIGNATORY_ROLES = ['president', 'director', 'legal_representative', 'mayor'] as const;
export type AgreementSignatoryRole = (typeof AGREEMENT_SIGNATORY_ROLES)[number];

/**
 * R-COMMITTEE-ORIENTATIONS: the priorities a committee may set for its year (000, 002, 004), a
 * closed list because the ranking evaluates each one from the application and the log:
 * EPCI_NOT_COVERED = the file's EPCI had no project of this Caf approved the school year before;
 * QPV = its territory is a quartier prioritaire; RURAL = its territory or one collectif is rural;
 * COLLEGE = a collectif works with collégiens; PARENT_INVOLVEMENT = a parent-support project
 * (the bonus parents request); DISABILITY_INCLUSION = a collectif includes a child with a disability.
 */
export const ORIENTATION_CRITERIA = ['EPCI_NOT_COVERED', 'QPV', 'RURAL', 'COLLEGE', 'PARENT_INVOLVEMENT', 'DISABILITY_INCLUSION'] as const;
export type OrientationCriterion = (typeof ORIENTATION_CRITERIA)[number];

/** R-COMMITTEE-MEETING (001; members per département in 000, 002, 004): the funders sitting on the committee. */
export const COMMITTEE_INSTITUTIONS = ['caf', 'ddets', 'prefecture', 'dsden', 'conseil_departemental', 'msa', 'udaf', 'other'] as const;
export type CommitteeInstitution = (typeof COMMITTEE_INSTITUTIONS)[number];
