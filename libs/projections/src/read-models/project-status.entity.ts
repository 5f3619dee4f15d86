import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PostgresType } from './postgres-column-types.js';

/** "Now" for one project: the answers the API and the dashboards read without folding. Cents. */
@Entity({ name: 'rm_project_status' })
@Index('rm_project_status_campaign', ['cafCode', 'schoolYear'])
@Index('rm_project_status_operator', ['operatorId'])
// Lists (issue 13): the keyset order is (sort column, project_id); a Caf's page filters on caf_code first.
@Index('rm_project_status_caf_status', ['cafCode', 'lifecycleStatus', 'projectId'])
@Index('rm_project_status_caf_title', ['cafCode', 'title', 'projectId'])
@Index('rm_project_status_caf_commune', ['cafCode', 'commune', 'projectId'])
@Index('rm_project_status_caf_due', ['cafCode', 'dueCents', 'projectId'])
// The renewal-letters worklist asks, per approved project, whether a later project renews it.
@Index('rm_project_status_renewal_of', ['renewalOf'])
export class ProjectStatusEntity {
  @PrimaryColumn({ name: 'project_id', type: 'varchar', length: 100 })
  projectId!: string;

  @Column({ name: 'caf_code', type: 'varchar', length: 3 })
  cafCode!: string;

  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

  @Column({ name: 'operator_id', type: 'varchar', length: 100 })
  operatorId!: string;

  /** The application's title (the draft's until filed). */
  @Column({ name: 'title', type: 'varchar', length: 300, comment: "the application's title (the draft's until filed)" })
  title!: string;

  /** primary | college | lycee | … as the application (or draft) states it. */
  @Column({ name: 'school_cycle', type: 'varchar', length: 20, comment: 'school cycle of the application (or draft)' })
  schoolCycle!: string;

  /** Territory as the application states it; '' before an application is filed. */
  @Column({ name: 'commune', type: 'varchar', length: 100, comment: "commune as the application states it, '' before filing" })
  commune!: string;

  @Column({ name: 'epci', type: 'varchar', length: 100, comment: "EPCI as the application states it, '' when none" })
  epci!: string;

  @Column({ name: 'rural', type: 'boolean', comment: 'project in milieu rural (application)' })
  rural!: boolean;

  @Column({ name: 'qpv', type: 'boolean', comment: 'project in a quartier prioritaire (application)' })
  qpv!: boolean;

  /** Worklists: none | filed | validated | returned (the current bilan's status). */
  @Column({ name: 'bilan_status', type: 'varchar', length: 20, comment: 'current bilan: none, filed, validated, returned' })
  bilanStatus!: string;

  /**
   * Worklists (R-BILAN-DUE): the earliest due date of a bilan part not received yet, for an
   * approved project (bilanDeadlines, the project bilan answer's). A part is late on any day after
   * it, so the worklist compares it with the day it is read; null = no part owed with a due date.
   */
  @Column({
    name: 'bilan_next_due_on',
    type: 'varchar',
    length: 10,
    nullable: true,
    comment: 'R-BILAN-DUE: earliest due date of a bilan part not received (approved projects); late on any later day, null = none',
  })
  bilanNextDueOn!: string | null;

  /** Worklists (R-NOTIFY): decision and correction letters never sent (unnotifiedDecisions, the letters list's). */
  @Column({ name: 'unnotified_letters', type: 'integer', comment: 'R-NOTIFY: decision and correction letters with no NotificationSent' })
  unnotifiedLetters!: number;

  /** Worklists: advances paid so far (R-PS-PAYMENTS), cents. */
  @Column({ name: 'advances_cents', type: 'bigint', comment: 'advances paid so far, integer cents' })
  advancesCents!: string;

  /** R-LIFE-4: the project this one renews (renewalOf.previousProjectId of its application); '' when none. */
  @Column({
    name: 'renewal_of',
    type: 'varchar',
    length: 100,
    comment: "R-LIFE-4: id of the project this application renews, '' when none (a new application or not filed)",
  })
  renewalOf!: string;

  /** drafted | filed | not_receivable | withdrawn | under_examination | approved | refused | bilan_filed | bilan_validated | … */
  @Column({ name: 'lifecycle_status', type: 'varchar', length: 40 })
  lifecycleStatus!: string;

  /** Eligibility on the application's facts: eligible | not_eligible | incomplete | unknown (no campaign parameters). */
  @Column({ name: 'planned_eligibility', type: 'varchar', length: 20 })
  plannedEligibility!: string;

  /** Eligibility on what happened (sessions, attendance, staff): eligible | not_eligible | incomplete | unknown. */
  @Column({ name: 'actual_eligibility', type: 'varchar', length: 20 })
  actualEligibility!: string;

  @Column({ name: 'forecast_ps_cents', type: 'bigint' })
  forecastPsCents!: string;

  @Column({ name: 'actual_ps_cents', type: 'bigint', nullable: true })
  actualPsCents!: string | null;

  @Column({ name: 'paid_cents', type: 'bigint' })
  paidCents!: string;

  /** Payable − paid; negative = to recover. */
  @Column({ name: 'due_cents', type: 'bigint' })
  dueCents!: string;

  /**
   * R-PS-EXPLAIN: the derivation of the figures, JSON text (rule ids, inputs, outputs, source
   * event ids); R-PS-WEEK is kept per collectif with the weeks that did not count and why
   * (storedExplanation). The week-by-week detail is the time-travel answer at `as_of`.
   */
  @PostgresType('jsonb')
  @Column({
    name: 'explanation',
    type: 'text',
    comment: 'R-PS-EXPLAIN: derivation of the figures (rule ids, inputs, outputs, source event ids); jsonb on PostgreSQL',
  })
  explanation!: string;

  /** The instant this row is "now" for: at = knownAt = as_of gives the same answers by time travel. */
  @PostgresType('timestamptz')
  @Column({
    name: 'as_of',
    type: 'varchar',
    length: 30,
    comment: 'instant the row answers for: at = knownAt = as_of gives the same answers by time travel',
  })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint' })
  lastPosition!: string;
}
