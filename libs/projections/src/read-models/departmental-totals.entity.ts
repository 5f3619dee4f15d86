import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DepartmentalMeasures } from './departmental-measures.js';

/**
 * R-BILAN-4 totals per Caf × school year. Distinct counts (projects, operators) cannot be added
 * up from rm_departmental_figures (a project with collège and lycée collectifs appears in two
 * rows), so the totals are their own table.
 */
@Entity({ name: 'rm_departmental_totals' })
export class DepartmentalTotalsEntity extends DepartmentalMeasures {
  @PrimaryColumn({ name: 'caf_code', type: 'varchar', length: 3 })
  cafCode!: string;

  @PrimaryColumn({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

  /** Approved projects with no bilan filed yet (counted with their computed activity). */
  @Column({ name: 'bilans_missing', type: 'integer' })
  bilansMissing!: number;

  @Column({ name: 'as_of', type: 'varchar', length: 30 })
  asOf!: string;
}
