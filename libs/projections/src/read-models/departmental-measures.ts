import { Column } from 'typeorm';

/**
 * The R-BILAN-4 measures both dashboard tables carry (rm_departmental_figures per breakdown
 * row, rm_departmental_totals per Caf × year): one definition, so the two can never disagree
 * on a column's name, type or unit. TypeORM copies inherited columns into each table.
 */
export abstract class DepartmentalMeasures {
  @Column({ name: 'projects', type: 'integer' })
  projects!: number;

  @Column({ name: 'operators', type: 'integer' })
  operators!: number;

  @Column({ name: 'collectifs', type: 'integer' })
  collectifs!: number;

  @Column({ name: 'children', type: 'integer' })
  children!: number;

  @Column({ name: 'sessions', type: 'integer' })
  sessions!: number;

  @Column({ name: 'minutes', type: 'integer' })
  minutes!: number;

  @Column({ name: 'hours', type: 'double precision' })
  hours!: number;

  @Column({ name: 'attendance_present', type: 'integer' })
  attendancePresent!: number;

  @Column({ name: 'attendance_marked', type: 'integer' })
  attendanceMarked!: number;

  /** present ÷ marked, 0..1; null when nothing was marked. */
  @Column({ name: 'attendance_rate', type: 'double precision', nullable: true })
  attendanceRate!: number | null;

  @Column({ name: 'parent_actions', type: 'integer' })
  parentActions!: number;

  @Column({ name: 'parents_reached', type: 'integer' })
  parentsReached!: number;

  @Column({ name: 'ps_forecast_cents', type: 'bigint' })
  psForecastCents!: string;

  @Column({ name: 'ps_paid_cents', type: 'bigint' })
  psPaidCents!: string;
}
