import { Column } from 'typeorm';

/**
 * The R-BILAN-4 measures both dashboard tables carry (rm_departmental_figures per breakdown
 * row, rm_departmental_totals per Caf × year): one definition, so the two can never disagree
 * on a column's name, type or unit. TypeORM copies inherited columns into each table.
 */
export abstract class DepartmentalMeasures {
  @Column({
    name: 'projects',
    type: 'integer',
    comment: 'distinct approved projects counted (in the figures table: with a collectif at this level, not additive across levels)',
  })
  projects!: number;

  @Column({ name: 'operators', type: 'integer', comment: 'distinct operators of those projects (not additive across rows)' })
  operators!: number;

  @Column({ name: 'collectifs', type: 'integer', comment: 'collectifs opened' })
  collectifs!: number;

  @Column({ name: 'children', type: 'integer', comment: 'distinct children ever enrolled in those collectifs' })
  children!: number;

  @Column({ name: 'sessions', type: 'integer', comment: 'sessions held, cancelled ones excluded' })
  sessions!: number;

  @Column({ name: 'minutes', type: 'integer', comment: 'total duration of the sessions held, in minutes' })
  minutes!: number;

  @Column({ name: 'hours', type: 'double precision', comment: 'minutes / 60, rounded to 0.01 hour' })
  hours!: number;

  @Column({ name: 'attendance_present', type: 'integer', comment: 'attendance marks with the status present' })
  attendancePresent!: number;

  @Column({ name: 'attendance_marked', type: 'integer', comment: 'attendance marks of any status' })
  attendanceMarked!: number;

  /** present ÷ marked, 0..1; null when nothing was marked. */
  @Column({
    name: 'attendance_rate',
    type: 'double precision',
    comment: 'attendance_present / attendance_marked, ratio 0..1; null when nothing is marked',
    nullable: true,
  })
  attendanceRate!: number | null;

  @Column({ name: 'parent_actions', type: 'integer', comment: 'parent actions held (objectives P1-P5)' })
  parentActions!: number;

  @Column({ name: 'parents_reached', type: 'integer', comment: 'parents reached by those actions' })
  parentsReached!: number;

  @Column({
    name: 'ps_forecast_cents',
    type: 'bigint',
    comment: 'PS (prestation de service) forecast at the committee decision, integer cents',
  })
  psForecastCents!: string;

  @Column({ name: 'ps_paid_cents', type: 'bigint', comment: 'PS paid: advances + balances - recoveries, integer cents' })
  psPaidCents!: string;

  /** R-BUDGET-ENVELOPE: what the approved projects take from the Caf's envelope (split over levels like the PS). */
  @Column({
    name: 'committed_cents',
    type: 'bigint',
    comment:
      'R-BUDGET-ENVELOPE envelope committed: forecast PS + bonuses of the decisions in force plus the local Caf funds of the applications, integer cents',
  })
  committedCents!: string;
}
