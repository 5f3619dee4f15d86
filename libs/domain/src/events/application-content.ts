import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import type {
  ActivityType,
  BonusEnfantsCriterion,
  BonusParentsCriterion,
  ClockTime,
  CoFunderKind,
  CollectifLevel,
  ObjectiveCode,
  SchoolCycle,
  SessionKind,
  Weekday,
} from './vocabulary.js';

/** Where a collectif meets (a room in a school, a centre social, a library…). */
export interface Place {
  name: string;
  /** Commune name or INSEE code, as the Caf records it. */
  commune: string;
}

export interface Territory {
  commune: string;
  epci: string | null;
  rural: boolean;
  /** Quartier prioritaire de la politique de la ville. */
  qpv: boolean;
}

/** A collectif the application plans; `ref` names it inside the application (decisions approve refs). */
export interface PlannedCollectif {
  ref: string;
  place: Place;
  level: CollectifLevel;
  rural: boolean;
  /** R-ELIG-COLLECTIVE (Aude): the group includes a child with a disability needing reinforced attention. */
  disabilityNeeds: boolean;
  plannedChildren: number;
}

/** R-ELIG-RHYTHM: the weekly schedule the operator commits to. */
export interface PlannedSession {
  weekday: Weekday;
  start: ClockTime;
  minutes: number;
  kind: SessionKind;
}

/** R-ELIG-AXES: each operational objective with how the project meets it. */
export interface ObjectiveStatement {
  code: ObjectiveCode;
  description: string;
}

export interface CoFunder {
  name: string;
  kind: CoFunderKind;
  amount: Cents;
}

/** The forecast budget (R-PS-FORMULA takes C = totalOperatingCost; R-PS-80 takes otherCafFunding). */
export interface ApplicationBudget {
  totalOperatingCost: Cents;
  coFunders: CoFunder[];
  /** Caf funding other than the PS and bonuses (local Caf funds). */
  otherCafFunding: Cents;
  /** R-ELIG-CHARTER: family contribution per child and year (0 = free). */
  familyFeePerChild: Cents;
}

/** R-PS-BONUS: a fil rouge AND at least one criterion. */
export interface BonusEnfantsRequest {
  filRouge: string;
  criteria: BonusEnfantsCriterion[];
  justification: string;
}

/** R-PS-BONUS: a parent-support project over the year AND at least one criterion. */
export interface BonusParentsRequest {
  supportProject: string;
  criteria: BonusParentsCriterion[];
  justification: string;
}

export interface BonusRequests {
  enfants: BonusEnfantsRequest | null;
  parents: BonusParentsRequest | null;
}

/** The full content of an application: everything eligibility and the PS forecast evaluate. */
export interface ApplicationContent {
  title: string;
  schoolCycle: SchoolCycle;
  territory: Territory;
  collectifs: PlannedCollectif[];
  schedule: PlannedSession[];
  /** R-LIFE-5: planned running period (recommended: after Toussaint until 15 June). */
  plannedPeriod: { from: LocalDate; to: LocalDate };
  /** R-ELIG-RHYTHM: planned weeks of activity. */
  plannedWeeks: number;
  objectives: ObjectiveStatement[];
  activityTypes: ActivityType[];
  budget: ApplicationBudget;
  bonusRequests: BonusRequests;
}
