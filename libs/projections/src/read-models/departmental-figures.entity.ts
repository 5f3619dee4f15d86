import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DepartmentalMeasures } from './departmental-measures.js';

/**
 * R-BILAN-4 dashboard, one row per Caf × school year × territory × school level, plain columns
 * so a BI tool reads it directly (every column is documented in README-read-models.md).
 * Collectif figures (collectifs, children, sessions, minutes, attendance) come from the
 * collectifs of that level; project figures (PS, parents) are split over the project's
 * levels in proportion to its collectifs, to the cent, so the rows of a Caf add up exactly.
 */
@Entity({
  name: 'rm_departmental_figures',
  comment:
    "R-BILAN-4 dashboard: one row per Caf x school year x commune x EPCI x rural x QPV x school level, approved projects only; amounts in integer cents; a Caf's rows add up to rm_departmental_totals",
})
export class DepartmentalFiguresEntity extends DepartmentalMeasures {
  @PrimaryColumn({ name: 'caf_code', type: 'varchar', comment: 'département code of the Caf: 11, 2A, 974', length: 3 })
  cafCode!: string;

  @PrimaryColumn({ name: 'school_year', type: 'varchar', comment: 'school year of the campaign, e.g. 2026-2027', length: 9 })
  schoolYear!: string;

  @PrimaryColumn({ name: 'commune', type: 'varchar', comment: 'commune of the project, as the application states it', length: 100 })
  commune!: string;

  /** The Caf's name beside its code, for people reading the table ("Caf de l'Aude"). */
  @Column({ name: 'caf_name', type: 'varchar', length: 60, comment: "name of the Caf, e.g. Caf de l'Aude" })
  cafName!: string;

  /** '' when the commune belongs to no EPCI. */
  @PrimaryColumn({
    name: 'epci',
    type: 'varchar',
    comment: 'EPCI of the project as the application states it; empty when none',
    length: 100,
  })
  epci!: string;

  @PrimaryColumn({ name: 'rural', type: 'boolean', comment: 'project in milieu rural' })
  rural!: boolean;

  @PrimaryColumn({ name: 'qpv', type: 'boolean', comment: 'project in a quartier prioritaire de la politique de la ville' })
  qpv!: boolean;

  /** primary | college | lycee */
  @PrimaryColumn({
    name: 'school_level',
    type: 'varchar',
    comment: 'school level of the collectifs: primary, college or lycee',
    length: 10,
  })
  schoolLevel!: string;
}
