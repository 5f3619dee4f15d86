import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITY_TYPES,
  BONUS_ENFANTS_CRITERIA,
  BONUS_PARENTS_CRITERIA,
  CO_FUNDER_KINDS,
  COLLECTIF_LEVELS,
  OBJECTIVE_CODES,
  SCHOOL_CYCLES,
  SESSION_KINDS,
  WEEKDAYS,
} from '@clas/domain';
import { IsAggregateId, IsBool, IsCents, IsIntBetween, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { IsClockTime } from '../validation/clock-time.validator.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';
import { PlaceDto } from '../validation/place.dto.js';
import { ListOf, NestedList } from '../validation/list-validators.js';

/**
 * The application content (`ApplicationContent` of @clas/domain, events/application-content.ts)
 * as request DTOs. Field names, vocabularies and bounds are the domain's
 * (project/application-content.validation.ts); what is well-formed but falls short of a
 * criterion (14 children, one weekly session) is accepted and left to eligibility (§3).
 * Examples: worked example 1 of domain.md §9 (Aude 2026-2027, 2 urban collectifs, 18 000 €).
 */

export class TerritoryDto {
  @ApiProperty({ example: 'Carcassonne' })
  @IsText(200)
  commune!: string;

  @ApiProperty({ example: 'Carcassonne Agglo', nullable: true, type: String })
  @NullOr()
  @IsText(200)
  epci!: string | null;

  @ApiProperty({ example: false, description: 'Milieu rural: R-ELIG-COLLECTIVE, R-ELIG-STAFF, R-ELIG-RHYTHM exceptions' })
  @IsBool()
  rural!: boolean;

  @ApiProperty({ example: true, description: 'Quartier prioritaire de la politique de la ville' })
  @IsBool()
  qpv!: boolean;
}

export class PlannedCollectifDto {
  @ApiProperty({ example: 'c1', description: 'Names the collectif inside the application; the decision approves refs' })
  @IsAggregateId()
  ref!: string;

  @ApiProperty({ type: PlaceDto })
  @Nested(() => PlaceDto)
  place!: PlaceDto;

  @ApiProperty({ enum: COLLECTIF_LEVELS, example: 'primary' })
  @IsOneOf(COLLECTIF_LEVELS)
  level!: string;

  @ApiProperty({ example: false })
  @IsBool()
  rural!: boolean;

  @ApiProperty({ example: false, description: 'R-ELIG-COLLECTIVE (Aude): a child with a disability needing reinforced attention' })
  @IsBool()
  disabilityNeeds!: boolean;

  @ApiProperty({ example: 10 })
  @IsIntBetween(1, 100)
  plannedChildren!: number;
}

export class PlannedSessionDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'tuesday' })
  @IsOneOf(WEEKDAYS)
  weekday!: string;

  @ApiProperty({ example: '16:45', description: 'Europe/Paris, HH:MM' })
  // The text of the domain's checkClockTime, as this field has always reported it.
  @IsClockTime({ message: 'must be a time HH:MM' })
  start!: string;

  @ApiProperty({ example: 90 })
  @IsIntBetween(1, 600)
  minutes!: number;

  @ApiProperty({ enum: SESSION_KINDS, example: 'children' })
  @IsOneOf(SESSION_KINDS)
  kind!: string;
}

export class PlannedPeriodDto {
  @ApiProperty({ example: '2026-11-02' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-06-15' })
  @IsLocalDate()
  to!: string;
}

export class ObjectiveStatementDto {
  @ApiProperty({ enum: OBJECTIVE_CODES, example: 'E1', description: 'R-ELIG-AXES' })
  @IsOneOf(OBJECTIVE_CODES)
  code!: string;

  @ApiProperty({ example: 'Méthodologie du travail scolaire : agenda, cartable, organisation' })
  @IsText(4000)
  description!: string;
}

export class CoFunderDto {
  @ApiProperty({ example: 'Ville de Carcassonne' })
  @IsText(300)
  name!: string;

  @ApiProperty({ enum: CO_FUNDER_KINDS, example: 'commune' })
  @IsOneOf(CO_FUNDER_KINDS)
  kind!: string;

  @ApiProperty({ example: 600_000, description: 'Integer cents' })
  @IsCents()
  amount!: number;
}

export class ApplicationBudgetDto {
  @ApiProperty({ example: 1_800_000, description: 'R-PS-FORMULA: C, the total annual operating cost, integer cents (> 0)' })
  @IsCents()
  totalOperatingCost!: number;

  @ApiProperty({ type: [CoFunderDto] })
  @NestedList(() => CoFunderDto)
  coFunders!: CoFunderDto[];

  @ApiProperty({ example: 0, description: 'R-PS-80: Caf funding other than the PS and bonuses (local funds), integer cents' })
  @IsCents()
  otherCafFunding!: number;

  @ApiProperty({ example: 0, description: 'R-ELIG-CHARTER: family contribution per child and year, integer cents (0 = free)' })
  @IsCents()
  familyFeePerChild!: number;
}

export class BonusEnfantsRequestDto {
  @ApiProperty({ example: 'Un fil rouge « Raconte ta ville » tout au long de l’année' })
  @IsText(4000)
  filRouge!: string;

  @ApiProperty({ enum: BONUS_ENFANTS_CRITERIA, isArray: true, example: ['paid_external_speakers'] })
  @ListOf(IsOneOf(BONUS_ENFANTS_CRITERIA, { each: true }), { min: 1, max: BONUS_ENFANTS_CRITERIA.length })
  criteria!: string[];

  @ApiProperty({ example: 'Intervention d’une conteuse professionnelle, 6 séances' })
  @IsText(4000)
  justification!: string;
}

export class BonusParentsRequestDto {
  @ApiProperty({ example: 'Rencontres parents mensuelles, engagement écrit famille / école / opérateur' })
  @IsText(4000)
  supportProject!: string;

  @ApiProperty({ enum: BONUS_PARENTS_CRITERIA, isArray: true, example: ['specific_parent_actions'] })
  @ListOf(IsOneOf(BONUS_PARENTS_CRITERIA, { each: true }), { min: 1, max: BONUS_PARENTS_CRITERIA.length })
  criteria!: string[];

  @ApiProperty({ example: 'Ateliers numériques pour les parents (ENT, Pronote)' })
  @IsText(4000)
  justification!: string;
}

/** R-PS-BONUS: each bonus asked for with its year-long project and at least one criterion, or null. */
export class BonusRequestsDto {
  @ApiProperty({ type: BonusEnfantsRequestDto, nullable: true })
  @NullOr()
  @Nested(() => BonusEnfantsRequestDto)
  enfants!: BonusEnfantsRequestDto | null;

  @ApiProperty({ type: BonusParentsRequestDto, nullable: true })
  @NullOr()
  @Nested(() => BonusParentsRequestDto)
  parents!: BonusParentsRequestDto | null;
}

export class ApplicationContentDto {
  @ApiProperty({ example: 'Clas Jean-Jaurès' })
  @IsText(300)
  title!: string;

  @ApiProperty({ enum: SCHOOL_CYCLES, example: 'primary', description: 'R-LIFE-3: one project = one cycle' })
  @IsOneOf(SCHOOL_CYCLES)
  schoolCycle!: string;

  @ApiProperty({ type: TerritoryDto })
  @Nested(() => TerritoryDto)
  territory!: TerritoryDto;

  @ApiProperty({ type: [PlannedCollectifDto], description: '1 to 50 collectifs with distinct refs' })
  @NestedList(() => PlannedCollectifDto, { min: 1, max: 50 })
  collectifs!: PlannedCollectifDto[];

  @ApiProperty({ type: [PlannedSessionDto], description: 'R-ELIG-RHYTHM: the weekly schedule (1 to 21 sessions)' })
  @NestedList(() => PlannedSessionDto, { min: 1, max: 21 })
  schedule!: PlannedSessionDto[];

  @ApiProperty({ type: PlannedPeriodDto, description: 'R-LIFE-5; within the school year applied for' })
  @Nested(() => PlannedPeriodDto)
  plannedPeriod!: PlannedPeriodDto;

  @ApiProperty({ example: 28, description: 'R-ELIG-RHYTHM: planned weeks of activity' })
  @IsIntBetween(1, 53)
  plannedWeeks!: number;

  @ApiProperty({ type: [ObjectiveStatementDto], description: 'R-ELIG-AXES: each objective once' })
  @NestedList(() => ObjectiveStatementDto)
  objectives!: ObjectiveStatementDto[];

  @ApiProperty({ enum: ACTIVITY_TYPES, isArray: true, example: ['methodology', 'cultural', 'playful'], description: 'R-ELIG-NOT-HOMEWORK, R-ELIG-NO-SPORT' })
  @ListOf(IsOneOf(ACTIVITY_TYPES, { each: true }), { min: 1, max: ACTIVITY_TYPES.length })
  activityTypes!: string[];

  @ApiProperty({ type: ApplicationBudgetDto })
  @Nested(() => ApplicationBudgetDto)
  budget!: ApplicationBudgetDto;

  @ApiProperty({ type: BonusRequestsDto })
  @Nested(() => BonusRequestsDto)
  bonusRequests!: BonusRequestsDto;
}
