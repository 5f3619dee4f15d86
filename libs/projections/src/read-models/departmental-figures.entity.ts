import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * R-BILAN-4 dashboard, one row per Caf × school year × territory × school level, plain columns
 * so a BI tool reads it directly (every column is documented in README-read-models.md).
 * Collectif figures (collectifs, children, sessions, minutes, attendance) come from the
 * collectifs of that level; project figures (PS, parents) are split over the project's
 * levels in proportion to its collectifs, to the cent, so the rows of a Caf add up exactly.
 */
@Entity({ name: 'rm_departmental_figures' })
export class DepartmentalFiguresEntity {
  @PrimaryColumn({ name: 'caf_code', type: 'varchar', length: 3 })
  cafCode!: string;

  @PrimaryColumn({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

  @PrimaryColumn({ name: 'commune', type: 'varchar', length: 100 })
  commune!: string;

  /** '' when the commune belongs to no EPCI. */
  @PrimaryColumn({ name: 'epci', type: 'varchar', length: 100 })
  epci!: string;

  @PrimaryColumn({ name: 'rural', type: 'boolean' })
  rural!: boolean;

  @PrimaryColumn({ name: 'qpv', type: 'boolean' })
  qpv!: boolean;

  /** primary | college | lycee */
  @PrimaryColumn({ name: 'school_level', type: 'varchar', length: 10 })
  schoolLevel!: string;

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
