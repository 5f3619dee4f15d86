import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * R-BILAN-4 totals per Caf × school year. Distinct counts (projects, operators) cannot be added
 * up from rm_departmental_figures (a project with collège and lycée collectifs appears in two
 * rows), so the totals are their own table.
 */
@Entity({ name: 'rm_departmental_totals' })
export class DepartmentalTotalsEntity {
  @PrimaryColumn({ name: 'caf_code', type: 'varchar', length: 3 })
  cafCode!: string;

  @PrimaryColumn({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

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

  /** Approved projects with no bilan filed yet (counted with their computed activity). */
  @Column({ name: 'bilans_missing', type: 'integer' })
  bilansMissing!: number;

  @Column({ name: 'as_of', type: 'varchar', length: 30 })
  asOf!: string;
}
