import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { SchoolYear } from '../../shared/school-year.js';
import type { ActivityType, ObjectiveCode, OrientedBy, SchoolLevel } from '../../events/vocabulary.js';
import { SCHOOL_LEVELS } from '../../events/vocabulary.js';
import type { Sourced } from './sourced.js';

/**
 * The facts the eligibility and PS rules read. They are independent of the event catalogue:
 * a projection folds a project's events into one of these shapes, keeping the event ids.
 * `null` always means "not known yet" (the rule answers `unknown`), never "no".
 */

/** R-ELIG-PUBLIC: CP to Terminale (the catalogue's vocabulary); other levels are out of scope. */
export function isClasSchoolLevel(level: string): level is SchoolLevel {
  return (SCHOOL_LEVELS as readonly string[]).includes(level);
}

/** A child as the rules need them: an opaque id, never a name (domain.md §8). */
export interface ChildFact {
  childId: string;
  schoolLevel: string;
  /** Who oriented the child; null = not recorded. */
  orientedBy: OrientedBy | null;
  parentalConsent: boolean;
}

export interface CoordinatorFact {
  personId: string;
  /** Years of study after the baccalauréat (Bac+2 → 2); null = not declared. */
  levelYearsAfterBac: number | null;
  /** Professional experience in animation or education; null = not declared. */
  animationOrEducationExperience: boolean | null;
}

export interface StaffMemberFact {
  staffId: string;
  /** First year in a Clas of this operator (R-ELIG-TRAINING concerns new staff only). */
  isNew: boolean;
  /** R-ELIG-OPERATOR: date of the criminal-record extract; null = none declared. */
  criminalRecordCheckedOn: LocalDate | null;
  /** R-ELIG-TRAINING: date the "fondamentaux" module was attended; null = not attended. */
  fondamentauxTrainingOn: LocalDate | null;
}

/** R-ELIG-OPERATOR: the operator's dated declarations (000). */
export interface OperatorDeclarations {
  insurance: Sourced<{ declaredOn: LocalDate; validUntil: LocalDate | null }> | null;
  laiciteCharterSignedOn: Sourced<LocalDate> | null;
}

/** R-ELIG-COFUNDING: the budget and every Caf line in it (PS, bonuses, local Caf funds). */
export interface CofundingFacts {
  totalCost: Sourced<Cents>;
  cafFunding: ReadonlyArray<Sourced<{ label: string; amount: Cents }>>;
}

/** Facts planned and actual evaluations share. */
export interface CommonProjectFacts {
  projectId: string;
  schoolYear: SchoolYear;
  /** The date the question is asked about; declarations dated later do not count yet. */
  asOf: LocalDate;
  /** Territory in "milieu rural" (001): opens the rural exceptions. */
  rural: Sourced<boolean>;
  /** R-ELIG-CHARTER: highest family fee per child and year; 0 = free. */
  familyFeePerChildPerYear: Sourced<Cents> | null;
  /** R-ELIG-CHARTER: adherence to the 2001 charter (laïcité, no proselytism, equality). */
  charterCommitment: Sourced<boolean> | null;
  coordinator: Sourced<CoordinatorFact> | null;
  /** R-ELIG-AXES: per objective, its description (planned) or what was done (actual). */
  objectives: Partial<Record<ObjectiveCode, Sourced<string>>>;
  cofunding: CofundingFacts | null;
  operator: OperatorDeclarations;
  /** Staff members of the project; null = not known yet. */
  staff: ReadonlyArray<Sourced<StaffMemberFact>> | null;
}

export interface PlannedCollectifFact {
  label: string;
  plannedChildren: number;
  plannedStaff: number;
  /** A child with a disability needing reinforced attention is expected (Aude exception, 004). */
  includesChildNeedingReinforcedAttention: boolean;
  /** Overrides the project's territory when one collectif differs. */
  rural?: boolean;
}

export interface PlannedRhythm {
  /** Minutes of each weekly session the children attend (the application's schedule). */
  weeklySessionMinutes: number[];
  weeks: number;
  /** A one-off action (stage, single event): never eligible (R-ELIG-RHYTHM). */
  oneOff: boolean;
}

/** From the application (step 4): what the operator says it will do. */
export interface PlannedProjectFacts extends CommonProjectFacts {
  basis: 'planned';
  targetPublic: Sourced<{
    schoolLevels: string[];
    orientedWithParentsAgreement: boolean;
    needIdentifiedWithSchool: boolean;
    /** The operator records who oriented each child. */
    orientationRecorded: boolean;
  }> | null;
  collectifs: ReadonlyArray<Sourced<PlannedCollectifFact>> | null;
  rhythm: Sourced<PlannedRhythm> | null;
  activities: Sourced<ActivityType[]> | null;
  /** R-ELIG-TRAINING: the operator commits to send every new staff member to the module. */
  trainingCommitment: Sourced<boolean> | null;
}

/** A session of a collectif (R-PS-WEEK). */
export interface CollectifSessionFact {
  date: LocalDate;
  minutes: number;
  cancelled: boolean;
  activities?: ActivityType[];
  eventIds: readonly string[];
}

/** A child's enrolment in a collectif; `to` is the last day enrolled (inclusive), null = still enrolled. */
export interface EnrolmentInterval {
  childId: string;
  from: LocalDate;
  to: LocalDate | null;
  /** Disability needing reinforced attention (Aude exception to the group size, 004). */
  needsReinforcedAttention?: boolean;
  eventIds: readonly string[];
}

/** A staff member assigned to a collectif; `to` inclusive, null = still assigned. */
export interface StaffAssignment {
  staffId: string;
  from: LocalDate;
  to: LocalDate | null;
  eventIds: readonly string[];
}

export interface ActualCollectif {
  collectifId: string;
  rural?: boolean;
  sessions: readonly CollectifSessionFact[];
  enrolments: readonly EnrolmentInterval[];
  staffAssignments: readonly StaffAssignment[];
}

/** From collectifs, sessions, attendance, staff and operator declarations: what happened. */
export interface ActualProjectFacts extends CommonProjectFacts {
  basis: 'actual';
  children: ReadonlyArray<Sourced<ChildFact>>;
  collectifs: readonly ActualCollectif[];
}

export type ProjectFacts = PlannedProjectFacts | ActualProjectFacts;
