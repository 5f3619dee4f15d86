import { Entity, PrimaryColumn } from 'typeorm';
import { DepartmentalMeasures } from './departmental-measures.js';

/**
 * R-BILAN-4 dashboard, one row per Caf × school year × territory × school level, plain columns
 * so a BI tool reads it directly (every column is documented in README-read-models.md).
 * Collectif figures (collectifs, children, sessions, minutes, attendance) come from the
 * collectifs of that level; project figures (PS, parents) are split over the project's
 * levels in proportion to its collectifs, to the cent, so the rows of a Caf add up exactly.
 */
@Entity({ name: 'rm_departmental_figures' })
export class DepartmentalFiguresEntity extends DepartmentalMeasures {
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
}
